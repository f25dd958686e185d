import { services } from "@/lib/auth/services";
import { ApiError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { apiRoute } from "@/lib/http/route";
import { isLabId } from "@/lib/labs/lab-id";
import { labState } from "@/lib/labs/lab-state";
import { labNow, settingsFor } from "@/lib/labs/request-lab";

/**
 * One lab's public keys (RFC 7517): the keys its tokens verify with now, and the next one, published
 * before it signs. Public like any JWKS — a lab id is public, and public keys are for publishing —
 * so a second service can follow a lab's rotation by itself. Empty under HS256.
 */
export const GET = apiRoute<{ id: string }>(async (_request, { id }) => {
  if (!isLabId(id)) throw new ApiError("NOT_FOUND", { message: "No such lab." });
  const lab = await labState(id);
  if (!lab) throw new ApiError("NOT_FOUND", { message: "No such lab." });
  const jwks = await services().labJwks({ labId: lab.id, settings: await settingsFor(lab), now: labNow(lab) });
  return json(jwks, { headers: { "cache-control": "public, max-age=30" } });
});
