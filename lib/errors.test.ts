import { describe, expect, it, vi } from "vitest";
import { ApiError, StoreUnavailableError } from "./errors";

describe("error classes are recognised across bundles (each Next bundle has its own copy of lib/errors.ts)", () => {
  it("an error made by another copy of the module is still instanceof, and a look-alike is not", async () => {
    vi.resetModules();
    const otherCopy = await import("./errors");
    expect(otherCopy.StoreUnavailableError).not.toBe(StoreUnavailableError);
    expect(new otherCopy.StoreUnavailableError("redis is unavailable")).toBeInstanceOf(StoreUnavailableError);
    expect(new otherCopy.ApiError("RATE_LIMITED")).toBeInstanceOf(ApiError);
    expect(new otherCopy.ApiError("RATE_LIMITED")).not.toBeInstanceOf(StoreUnavailableError);
    expect(new Error("redis is unavailable")).not.toBeInstanceOf(StoreUnavailableError);
    expect(Object.assign(new Error("x"), { name: "StoreUnavailableError" })).not.toBeInstanceOf(StoreUnavailableError);
    expect(new StoreUnavailableError("x")).toBeInstanceOf(Error);
  });
});
