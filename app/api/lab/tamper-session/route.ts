import { cookieAttributes, cookieNames, setCookie } from "@/lib/auth/cookies";
import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { labRoute } from "@/lib/http/route";

/**
 * Lab: flip one character of this browser's session seal and hand it back. Page scripts cannot
 * write an HttpOnly cookie, so the server does the flipping; the browser then sends the tampered
 * seal on its next request, exactly as a tampered cookie would arrive.
 */
export const POST = labRoute(async (ctx) => {
  const names = cookieNames();
  const seal = ctx.input.cookies[names.session];
  if (!seal) throw new ApiError("UNAUTHENTICATED", { message: "There is no session cookie to tamper with: log in to the session pane first." });
  // Flip a character inside the seal's MAC (the second-to-last `*` part) so the HMAC check fails.
  const parts = seal.split("*");
  const macIndex = Math.max(0, parts.length - 2);
  const mac = parts[macIndex] ?? "";
  const i = Math.floor(mac.length / 2);
  parts[macIndex] = mac.slice(0, i) + (mac[i] === "a" ? "b" : "a") + mac.slice(i + 1);
  const tampered = parts.join("*");
  return json(
    { tampered: true, changedPart: macIndex, before: `${seal.slice(0, 16)}…`, after: `${tampered.slice(0, 16)}…` },
    { cookies: [setCookie(names.session, tampered, cookieAttributes("session", 600))] },
  );
});
