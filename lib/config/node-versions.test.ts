import { readFileSync } from "node:fs";
import semver from "semver";
import { describe, expect, it } from "vitest";

// The Node versions package.json promises (README "The two commands") are the ones every direct
// dependency itself declares support for: a claim checked, not copied.
const root = new URL("../../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { engines: { node: string }; dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Read from node_modules directly: some packages' `exports` do not expose their package.json. */
function declaredEngines(name: string): string | undefined {
  const manifest = JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, root), "utf8")) as { engines?: { node?: string } };
  return manifest.engines?.node;
}

describe("supported Node versions", () => {
  const ours = pkg.engines.node;

  it("are a valid range that includes the Node running this test", () => {
    expect(semver.validRange(ours)).not.toBeNull();
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });

  const names = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter((name) => !name.startsWith("@types/"));
  const declared = names.flatMap((name) => {
    const range = declaredEngines(name);
    return range ? [[name, range] as const] : [];
  });

  it("are checked against the dependencies that declare a range (the check is not vacuous)", () => {
    expect(declared.map(([name]) => name)).toEqual(expect.arrayContaining(["next", "prisma", "@prisma/client", "better-sqlite3", "vitest"]));
  });

  it.each(declared)("lie inside what %s declares (%s)", (_name, range) => {
    expect(semver.subset(ours, range, { includePrerelease: false })).toBe(true);
  });
});
