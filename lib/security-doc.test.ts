import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DOC = readFileSync(path.join(ROOT, "docs/SECURITY.md"), "utf8");
/** `path/to/file.test.ts` › "words of a test's title" */
const CITATION = /`([\w./-]+\.(?:ts|mjs))` › "([^"]+)"/g;

const citations = [...DOC.matchAll(CITATION)].map((m) => ({ file: m[1]!, title: m[2]! }));

describe("docs/SECURITY.md cites tests that exist", () => {
  it("cites tests at all (the check is not vacuous)", () => {
    expect(citations.length).toBeGreaterThan(40);
  });

  it.each(citations.map((c) => [`${c.file} › ${c.title}`, c] as const))("%s", (_label, { file, title }) => {
    const full = path.join(ROOT, file);
    expect(existsSync(full), `${file} exists`).toBe(true);
    expect(readFileSync(full, "utf8"), `${file} has a test titled with “${title}”`).toContain(title);
  });
});
