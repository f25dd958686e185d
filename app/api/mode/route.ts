import { z } from "zod";
import { cookieAttributes, cookieNames, setCookie } from "@/lib/auth/cookies";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";

const modeSchema = z.strictObject({ mode: z.enum(["session", "jwt"], { message: "Mode must be \"session\" or \"jwt\"." }) });
const ONE_YEAR_SECONDS = 365 * 86_400;

/** Switching mode logs nothing out: both credentials may exist; the mode decides which one guards pages. */
export const PUT = apiRoute(async (request) => {
  const { mode } = await readJson(request, modeSchema);
  return json({ mode }, { cookies: [setCookie(cookieNames().mode, mode, cookieAttributes({ maxAge: ONE_YEAR_SECONDS, sameSite: "lax" }))] });
});
