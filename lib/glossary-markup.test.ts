import { describe, expect, it } from "vitest";
import { autoTerms, parseTermMarkup, plainWords } from "./glossary-markup";

describe("glossary markup in the lab's own text", () => {
  it("turns [[id]] and [[id|words]] into linked terms", () => {
    expect(parseTermMarkup("The [[seal|sealed]] token, checked against the [[denylist]].")).toEqual([
      { text: "The " },
      { text: "sealed", term: "seal" },
      { text: " token, checked against the " },
      { text: "denylist", term: "denylist" },
      { text: "." },
    ]);
  });

  it("shows an unknown id as plain words, never as brackets", () => {
    expect(plainWords("a [[no-such-term]] here")).toBe("a no such term here");
    expect(parseTermMarkup("a [[no-such-term|thing]]")).toEqual([{ text: "a " }, { text: "thing" }]);
  });

  it("leaves text without markers alone", () => {
    expect(parseTermMarkup("plain")).toEqual([{ text: "plain" }]);
    expect(parseTermMarkup("")).toEqual([]);
  });
});

describe("terms found in text the lab did not write", () => {
  it("links the first occurrence of each known phrase, keeping every character", () => {
    const text = "SameSite kept the cookie home, and the denylist — like any denylist — costs a lookup.";
    const segments = autoTerms(text);
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.term)).toEqual([
      { text: "SameSite", term: "samesite" },
      { text: "denylist", term: "denylist" },
    ]);
  });

  it("prefers the longer phrase: a refresh family is not a refresh token", () => {
    expect(autoTerms("the whole refresh family is revoked").filter((s) => s.term)).toEqual([{ text: "refresh family", term: "refresh-family" }]);
  });

  it("matches whole words only", () => {
    expect(autoTerms("expired, sealed, expiry").filter((s) => s.term)).toEqual([]);
    expect(autoTerms("until exp.").filter((s) => s.term)).toEqual([{ text: "exp", term: "exp" }]);
  });
});
