import { describe, expect, it } from "vitest";
import { ACCESS_TOKEN_TYP, CLOCK_TOLERANCE_SECONDS, MAX_TOKEN_AGE_SECONDS } from "../auth/jwt-strategy";
import { AUTHLAB_VERIFY_PROFILE } from "./authlab-profile";

describe("AUTHLAB_VERIFY_PROFILE", () => {
  it("repeats what the server pins (a drift here would make the workbench teach the wrong checks)", () => {
    expect(AUTHLAB_VERIFY_PROFILE.typ).toBe(ACCESS_TOKEN_TYP);
    expect(AUTHLAB_VERIFY_PROFILE.clockToleranceSeconds).toBe(CLOCK_TOLERANCE_SECONDS);
    expect(AUTHLAB_VERIFY_PROFILE.maxTokenAgeSeconds).toBe(MAX_TOKEN_AGE_SECONDS);
  });
});
