import { authContext, traced } from "@/lib/auth/request-auth";
import { inspectRequest } from "@/lib/auth/inspect";
import { requestMode } from "@/lib/auth/mode";
import { credentialInput } from "@/lib/http/request";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";

/** What the server received: each credential decoded as far as the server can. */
export const GET = apiRoute(async (request) => {
  const input = credentialInput(request);
  const mode = requestMode(request.nextUrl, input);
  const ctx = await authContext(mode);
  const report = await traced(ctx, () => inspectRequest(input, ctx));
  return json({ mode, ...report });
});
