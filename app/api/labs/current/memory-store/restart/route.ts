import { services } from "@/lib/auth/services";
import { appEnv } from "@/lib/config/env";
import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";
import { restartMemorySessions } from "@/lib/labs/memory-restart";
import { labToolsOpen } from "@/lib/labs/request-lab";

/**
 * Restarts this lab's memory store (its admin; in the shared default lab only where its tools are
 * open): this process forgets every session of the lab it held in memory, as a restart of the
 * process would, while the lab's sessions in the database and Redis stay. Other labs keep theirs.
 * With several instances, only the instance that answers forgets: each has its own memory.
 */
export const POST = labRoute(async (ctx) => {
  await ctx.requireUser({ role: "admin" });
  if (!labToolsOpen(ctx.lab)) throw new ApiError("DEMO_CLOCK_DISABLED");
  const report = await ctx.trace.step("memory-restart", "Empty this lab's sessions in this process's memory (what a restart does)", "store", () =>
    restartMemorySessions(services().sessionStores, ctx.lab.id, appEnv().labs.maxSessions),
  );
  return json({ ...report, activeSessionStore: ctx.auth.settings.sessionStore, instanceId: appEnv().instanceId, trace: ctx.trace }, { trace: ctx.trace });
});

export const GET = methodNotAllowed("POST");
