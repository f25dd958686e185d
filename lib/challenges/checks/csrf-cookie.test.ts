import { describe, expect, test } from "vitest";
import { CSRF_COOKIE_ANSWER, decideCsrfCookie } from "./csrf-cookie";

describe("csrf-cookie: a refused cross-site request in the lab, and the cookie it hoped for", () => {
  test("a CROSS_ORIGIN_REFUSED event and the session cookie: solved", () => {
    expect(decideCsrfCookie({ eventKinds: ["CROSS_ORIGIN_REFUSED"] }, CSRF_COOKIE_ANSWER)).toMatchObject({ solved: true });
  });
  test("the right cookie without a refused request in the lab is not solved", () => {
    expect(decideCsrfCookie({ eventKinds: ["REFRESH_TOKEN_REUSED"] }, CSRF_COOKIE_ANSWER)).toMatchObject({ solved: false, reason: expect.stringContaining("no CROSS_ORIGIN_REFUSED") });
  });
  test("the request, but the wrong cookie, is not solved", () => {
    expect(decideCsrfCookie({ eventKinds: ["CROSS_ORIGIN_REFUSED"] }, "lab-cookie").solved).toBe(false);
    expect(decideCsrfCookie({ eventKinds: ["CROSS_ORIGIN_REFUSED"] }, "authorization").solved).toBe(false);
  });
});
