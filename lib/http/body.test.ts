import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "../errors";
import { MAX_BODY_BYTES, readJson } from "./body";

const schema = z.strictObject({
  email: z.string().min(3),
  profile: z.strictObject({ age: z.number().int() }),
});

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }): Request {
  return new Request("http://authlab.test/api/x", { method: "POST", body, headers });
}

/** A body with no Content-Length: a stream, as a chunked upload would arrive. */
function streamed(text: string, chunkBytes = 1024): Request {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkBytes));
      offset += chunkBytes;
    },
  });
  return new Request("http://authlab.test/api/x", {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const valid = JSON.stringify({ email: "a@b.test", profile: { age: 30 } });

describe("readJson", () => {
  it("returns the parsed, validated body", async () => {
    await expect(readJson(post(valid), schema)).resolves.toEqual({ email: "a@b.test", profile: { age: 30 } });
  });

  it("accepts application/json with a charset parameter, case-insensitively", async () => {
    await expect(readJson(post(valid, { "content-type": "Application/JSON; charset=utf-8" }), schema)).resolves.toMatchObject({ email: "a@b.test" });
  });

  it.each([
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["a look-alike", "application/jsonp"],
    ["a suffix type", "application/json-patch+json"],
  ])("refuses %s with 415 UNSUPPORTED_MEDIA_TYPE", async (_label, type) => {
    const error = await failure(readJson(post(valid, { "content-type": type }), schema));
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(error.status).toBe(415);
  });

  it("refuses a missing content type with 415", async () => {
    const request = new Request("http://authlab.test/api/x", { method: "POST", body: new Blob([valid]) });
    expect(request.headers.get("content-type")).toBeNull();
    expect((await failure(readJson(request, schema))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a declared Content-Length over the cap with 413 before reading", async () => {
    const request = post(valid, { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) });
    const error = await failure(readJson(request, schema));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.status).toBe(413);
    // Refused on the header alone: the body was never consumed.
    expect(request.bodyUsed).toBe(false);
  });

  it("refuses an oversized body without Content-Length (streamed) with 413 while reading", async () => {
    const big = JSON.stringify({ email: "x".repeat(MAX_BODY_BYTES), profile: { age: 1 } });
    const request = streamed(big);
    expect(request.headers.get("content-length")).toBeNull();
    const error = await failure(readJson(request, schema));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a body that lies about its size (small Content-Length, big body) with 413", async () => {
    const big = JSON.stringify({ email: "x".repeat(MAX_BODY_BYTES), profile: { age: 1 } });
    const request = streamed(big);
    request.headers.set("content-length", "10");
    expect(request.headers.get("content-length")).toBe("10");
    expect((await failure(readJson(request, schema))).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("accepts a body of exactly the cap", async () => {
    const padding = MAX_BODY_BYTES - JSON.stringify({ email: "", profile: { age: 1 } }).length;
    const exact = JSON.stringify({ email: "x".repeat(padding), profile: { age: 1 } });
    expect(new TextEncoder().encode(exact).length).toBe(MAX_BODY_BYTES);
    await expect(readJson(streamed(exact), schema)).resolves.toMatchObject({ profile: { age: 1 } });
  });

  it.each([
    ["truncated JSON", "{\"email\": "],
    ["an empty body", ""],
    ["a JavaScript object literal", "{email: 'a@b.test'}"],
  ])("refuses %s with 400 INVALID_JSON", async (_label, text) => {
    const error = await failure(readJson(post(text), schema));
    expect(error.code).toBe("INVALID_JSON");
    expect(error.status).toBe(400);
  });

  it("refuses the wrong shape with 400 VALIDATION_FAILED naming every failing field path", async () => {
    const error = await failure(readJson(post(JSON.stringify({ email: "a", profile: { age: "thirty" } })), schema));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.status).toBe(400);
    const fields = (error.details?.fields ?? []) as { path: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(["email", "profile.age"]);
    for (const f of fields) expect(f.message).not.toBe("");
  });

  it("refuses an unknown field (strict schema) rather than ignoring it", async () => {
    const error = await failure(readJson(post(JSON.stringify({ email: "a@b.test", profile: { age: 1 }, role: "admin" })), schema));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(error.details)).toContain("role");
  });

  it("refuses JSON that is not an object", async () => {
    for (const text of ["[]", "null", "\"a@b.test\"", "42"]) {
      expect((await failure(readJson(post(text), schema))).code).toBe("VALIDATION_FAILED");
    }
  });
});
