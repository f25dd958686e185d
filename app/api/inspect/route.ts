import { inspectRequest } from "@/lib/auth/inspect";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";

/** What the server received: each credential decoded as far as the server can (read-only: no sliding write). */
export const GET = labRoute(async (ctx) => json({ mode: ctx.mode, ...(await inspectRequest(ctx)) }), { readOnly: true });
