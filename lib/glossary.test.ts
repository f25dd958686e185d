import { describe, expect, it } from "vitest";
import { GLOSSARY, GLOSSARY_GROUPS, glossaryHref, isGlossaryId } from "./glossary";

describe("the glossary", () => {
  const entries = Object.entries(GLOSSARY);

  it("defines every term in one plain sentence, short enough to read where the term appears", () => {
    for (const [id, entry] of entries) {
      expect(entry.definition, id).toMatch(/^[A-Z"“_].*[.]$/);
      // One sentence: no full stop followed by a new sentence inside it.
      expect(entry.definition.slice(0, -1), id).not.toMatch(/\.\s+[A-Z]/);
      expect(entry.definition.length, id).toBeLessThanOrEqual(180);
    }
  });

  it("files every term under a known group", () => {
    for (const [id, entry] of entries) expect(GLOSSARY_GROUPS, id).toContain(entry.group);
  });

  it("names libraries only beside the plain words, never as the definition", () => {
    for (const [id, entry] of entries) {
      expect(entry.definition, id).not.toMatch(/iron-session|jose|jwtVerify|proxy\.ts/);
    }
  });

  it("links each term to its anchor on the glossary page", () => {
    expect(glossaryHref("seal")).toBe("/glossary#seal");
    expect(isGlossaryId("seal")).toBe(true);
    expect(isGlossaryId("toString")).toBe(false);
  });
});
