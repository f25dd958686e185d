import { describe, expect, test } from "vitest";
import { decideTokenViaScript, TOKEN_VIA_SCRIPT_ANSWER } from "./token-via-script";

describe("token-via-script: the stolen token is a real access token of this lab", () => {
  test("a valid token of this lab and the right answer about HttpOnly: solved", () => {
    expect(decideTokenViaScript({ verdict: { ok: true, email: "alice@example.com", sameLab: true }, jwtStorage: "localStorage" }, TOKEN_VIA_SCRIPT_ANSWER)).toMatchObject({ solved: true, saw: expect.stringContaining("localStorage") });
  });
  test("a made-up or expired token is not solved", () => {
    expect(decideTokenViaScript({ verdict: { ok: false, code: "TOKEN_SIGNATURE_INVALID" }, jwtStorage: "localStorage" }, TOKEN_VIA_SCRIPT_ANSWER).solved).toBe(false);
    expect(decideTokenViaScript({ verdict: { ok: false, code: "TOKEN_EXPIRED" }, jwtStorage: "localStorage" }, TOKEN_VIA_SCRIPT_ANSWER).solved).toBe(false);
  });
  test("a token of another lab is not solved", () => {
    expect(decideTokenViaScript({ verdict: { ok: true, email: "alice@example.com", sameLab: false }, jwtStorage: "cookie" }, TOKEN_VIA_SCRIPT_ANSWER).solved).toBe(false);
  });
  test("a real token with the wrong answer (the script reads the HttpOnly cookie) is not solved", () => {
    expect(decideTokenViaScript({ verdict: { ok: true, email: "alice@example.com", sameLab: true }, jwtStorage: "localStorage" }, "read-cookie").solved).toBe(false);
  });
});
