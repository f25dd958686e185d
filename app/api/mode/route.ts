import { z } from "zod";
import { modeCookie } from "@/lib/auth/cookies";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";

const modeSchema = z.strictObject({ mode: z.enum(["session", "jwt"], { message: "Mode must be \"session\" or \"jwt\"." }) });

/** Switching mode logs nothing out: both credentials may exist; the mode decides which one guards pages. */
export const PUT = apiRoute(async (request) => {
  const { mode } = await readJson(request, modeSchema);
  return json({ mode }, { cookies: [modeCookie(mode)] });
});
