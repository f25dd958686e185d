import { describe, expect, it } from "vitest";
import { explainClaim, explainHeaderField, REGISTERED_CLAIMS } from "./claims";

describe("claim explanations", () => {
  it("explain every registered claim, AuthLab's own, and the header parameters RFC 8725 names", () => {
    for (const claim of [...REGISTERED_CLAIMS, "role", "email"]) expect(explainClaim(claim)?.meaning, claim).toBeTruthy();
    for (const field of ["alg", "typ", "kid", "jku", "jwk", "x5u", "x5c"]) expect(explainHeaderField(field)?.meaning, field).toBeTruthy();
  });

  it("do not answer for names inherited from Object.prototype", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(explainClaim(name)).toBeNull();
      expect(explainHeaderField(name)).toBeNull();
    }
  });
});
