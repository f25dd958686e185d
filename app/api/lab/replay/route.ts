import { z } from "zod";
import { cookieNames } from "@/lib/auth/cookies";
import { ApiError } from "@/lib/errors";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";
import { getCapture } from "@/lib/lab/captures";
import { selfOrigin } from "@/lib/lab/self-origin";
import { labCookiePair } from "@/lib/labs/lab-cookie";

const replaySchema = z.strictObject({
  captureId: z.string().min(1).max(64),
  credential: z.enum(["session", "access", "refresh"]),
});

/**
 * Lab: replay a captured credential as an attacker with a copy would — a real HTTP request to this
 * server carrying only that credential (and the lab cookie: the replay happens in the same lab),
 * from outside the victim's browser. Its Set-Cookie headers go nowhere (the attacker's jar), and
 * the JSON answer comes back to the lab. A capture of another lab is a 404.
 */
export const POST = labRoute(async (ctx, request) => {
  const { captureId, credential } = await readJson(request, replaySchema);
  const capture = getCapture(ctx.lab.id, captureId);
  if (!capture) throw new ApiError("NOT_FOUND", { message: "No such capture in this lab (they last one hour)." });
  const value = capture[credential];
  if (!value) throw new ApiError("VALIDATION_FAILED", { message: `The capture holds no ${credential} credential.` });

  const names = cookieNames();
  const lab = labCookiePair(ctx.lab.id);
  const withLab = (cookie: string) => [cookie, lab].filter(Boolean).join("; ");
  const target: { path: string; method: string; headers: Record<string, string> } =
    credential === "session"
      ? { path: "/api/me?mode=session", method: "GET", headers: { cookie: withLab(`${names.session}=${value}`) } }
      : credential === "access"
        ? { path: "/api/me?mode=jwt", method: "GET", headers: { authorization: `Bearer ${value}`, ...(lab ? { cookie: lab } : {}) } }
        : { path: "/api/auth/jwt/refresh", method: "POST", headers: { cookie: withLab(`${names.refresh}=${value}`) } };
  const started = performance.now();
  const response = await fetch(new URL(target.path, selfOrigin()), { method: target.method, headers: target.headers, signal: AbortSignal.timeout(5000) });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return json({
    credential,
    request: { method: target.method, path: target.path, sends: credential === "access" ? "Authorization: Bearer …" : `Cookie: ${credential === "session" ? names.session : names.refresh}=…` },
    status: response.status,
    durationMs: Math.round(performance.now() - started),
    body,
  });
});
