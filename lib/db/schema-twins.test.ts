import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

// One schema cannot serve two providers, so the models live twice: prisma/schema.prisma (SQLite)
// and prisma/postgres/schema.prisma. lib/db/client.ts types both clients as the SQLite one, which
// is only sound while the models are identical; this test keeps them so.
const read = (relative: string): string =>
  readFileSync(fileURLToPath(new URL(`../../${relative}`, import.meta.url)), "utf8").replace(/\r\n/g, "\n");

const sqlite = read("prisma/schema.prisma");
const postgres = read("prisma/postgres/schema.prisma");

const DATASOURCE_BLOCK = /^datasource\s+\w+\s*\{[^}]*\}/m;

/** Everything after the datasource block: the models (and any enums, views, comments). */
function modelsOf(schema: string): string {
  const match = DATASOURCE_BLOCK.exec(schema);
  if (!match) throw new Error("schema has no datasource block");
  return schema.slice(match.index + match[0].length).trim();
}

const providerOf = (schema: string): string | undefined =>
  /provider\s*=\s*"([^"]+)"/.exec(DATASOURCE_BLOCK.exec(schema)?.[0] ?? "")?.[1];

describe("the SQLite and PostgreSQL schema twins", () => {
  test("declare the same models, character for character", () => {
    expect(modelsOf(postgres)).toBe(modelsOf(sqlite));
  });

  test("the compared part really holds the models (the check above is not vacuous)", () => {
    const models = [...modelsOf(sqlite).matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    expect(models).toEqual(expect.arrayContaining(["User", "Session", "RefreshFamily", "RefreshToken"]));
    expect(models).toEqual([...sqlite.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]));
  });

  test("differ only where they must: provider and generated-client folder", () => {
    expect(providerOf(sqlite)).toBe("sqlite");
    expect(providerOf(postgres)).toBe("postgresql");
    expect(sqlite).toMatch(/output\s*=\s*"\.\.\/lib\/generated\/prisma-sqlite"/);
    expect(postgres).toMatch(/output\s*=\s*"\.\.\/\.\.\/lib\/generated\/prisma-pg"/);
  });
});
