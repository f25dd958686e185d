import type { z } from "zod";
import { ApiError } from "../errors";

/** Every JSON body this API accepts is small; this bound is checked while reading, not after. */
export const MAX_BODY_BYTES = 16 * 1024;

async function readTextCapped(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new ApiError("PAYLOAD_TOO_LARGE");
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ApiError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * Reads and validates a JSON body: 415 for another content type, 413 when too large, 400
 * `INVALID_JSON` when unparseable, 400 `VALIDATION_FAILED` (with the failing fields) when the
 * shape is wrong. Unknown fields are refused by the strict schemas.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new ApiError("UNSUPPORTED_MEDIA_TYPE");
  const text = await readTextCapped(request, MAX_BODY_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_JSON");
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    throw new ApiError("VALIDATION_FAILED", { details: { fields } });
  }
  return result.data;
}
