import { describe, expect, it } from "vitest";
import { otherOrigin } from "./other-origin";

describe("otherOrigin", () => {
  it("swaps localhost and 127.0.0.1, keeping scheme and port", () => {
    expect(otherOrigin({ protocol: "http:", hostname: "localhost", port: "3130" })).toBe("http://127.0.0.1:3130");
    expect(otherOrigin({ protocol: "http:", hostname: "127.0.0.1", port: "3000" })).toBe("http://localhost:3000");
    expect(otherOrigin({ protocol: "https:", hostname: "localhost", port: "" })).toBe("https://127.0.0.1");
  });

  it("has no twin for any other host", () => {
    expect(otherOrigin({ protocol: "https:", hostname: "authlab.example", port: "" })).toBeNull();
    expect(otherOrigin({ protocol: "http:", hostname: "127.0.0.2", port: "80" })).toBeNull();
  });
});
