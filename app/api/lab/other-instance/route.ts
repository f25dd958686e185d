import { z } from "zod";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { labRoute, methodNotAllowed } from "@/lib/http/route";
import { relayToPeer } from "@/lib/lab/peer-relay";

const relaySchema = z.strictObject({
  target: z.string().min(1).max(200),
  credential: z.enum(["session", "access"]),
});

/**
 * Lab: "take my credential to another instance". The server sends this browser's own session
 * cookie or access token (and its lab cookie: the peer answers in the same lab) to a configured
 * peer's /api/me and shows the answer, trace included: memory store → 401 there, shared store →
 * 200, JWT → 200 with no store at all.
 */
export const POST = labRoute(async (ctx, request) => {
  const { target, credential } = await readJson(request, relaySchema);
  return json(await relayToPeer(target, credential, ctx.input, ctx.lab.id));
});

export const GET = methodNotAllowed("POST");
