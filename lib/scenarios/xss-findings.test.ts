import { describe, expect, it } from "vitest";
import { describeFindings, preview, stolenTokens } from "./xss-findings";

const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoidXNlciJ9.c2lnbmF0dXJl";

describe("stolenTokens: what an XSS payload walks away with", () => {
  it("finds nothing when the cookies are HttpOnly and storage is empty", () => {
    expect(stolenTokens({ documentCookie: "", localStorage: [] })).toEqual([]);
    expect(stolenTokens({ documentCookie: "theme=dark", localStorage: [{ key: "prefs", value: '{"a":1}' }] })).toEqual([]);
  });

  it("finds a token in localStorage or in a script-readable cookie", () => {
    expect(stolenTokens({ documentCookie: "", localStorage: [{ key: "authlab.accessToken", value: jwt }] })).toEqual([{ where: 'localStorage["authlab.accessToken"]', token: jwt }]);
    expect(stolenTokens({ documentCookie: `a=1; token=${jwt}`, localStorage: [] })).toEqual([{ where: "document.cookie (token)", token: jwt }]);
  });
});

describe("describeFindings", () => {
  it("says plainly that an empty document.cookie means no cookie is readable", () => {
    expect(describeFindings({ documentCookie: "", localStorage: [] })).toBe('document.cookie → "" (empty: no cookie here is readable by scripts)\nlocalStorage → (empty)');
    expect(describeFindings({ documentCookie: "", localStorage: [{ key: "k", value: jwt }] })).toContain(`k = ${preview(jwt, 32)}`);
  });
});
