import { labProgress } from "@/lib/challenges/progress";
import { json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";

/** The challenges with this lab's progress: which are solved (and when), never which answer is right. */
export const GET = labRoute(async (ctx) => json(await labProgress(ctx.lab.id), { trace: ctx.trace }), { readOnly: true });

export const POST = methodNotAllowed("GET");
