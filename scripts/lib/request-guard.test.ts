import { describe, expect, it } from "vitest";
import { ERRORS } from "@/lib/errors";
import { refusal } from "./request-guard.mjs";

describe("the server entry's request guard", () => {
  it("lets ordinary requests through", () => {
    for (const [method, url] of [["GET", "/"], ["POST", "/api/auth/session/login?x=1"], ["OPTIONS", "/api/me"], ["GET", "/scenarios/csrf%20x"]]) expect(refusal(method, url), `${method} ${url}`).toBeNull();
  });

  it("regression: TRACE, CONNECT and made-up methods are a 405, not the framework's 500", () => {
    for (const method of ["TRACE", "CONNECT", "PROPFIND", "FOO"]) expect(refusal(method, "/api/me")).toMatchObject({ status: 405, code: "METHOD_NOT_ALLOWED" });
  });

  it("regression: a path with a malformed percent-escape is a 400, not a 500", () => {
    expect(refusal("POST", "/api/admin/users/%E0%A4%A/revoke")).toMatchObject({ status: 400, code: "BAD_REQUEST_TARGET" });
    expect(refusal("GET", "/scenarios/%E0%A4%A")).toMatchObject({ status: 400 });
  });

  it("regression: an absolute-form target is a 400, so nothing redirects to the host it names", () => {
    expect(refusal("GET", "http://evil.test/api/ping")).toMatchObject({ status: 400, code: "BAD_REQUEST_TARGET" });
    expect(refusal("GET", "*")).toMatchObject({ status: 400 });
  });

  it("answers with codes the registry knows", () => {
    for (const code of ["METHOD_NOT_ALLOWED", "BAD_REQUEST_TARGET"]) expect(ERRORS).toHaveProperty(code);
  });
});
