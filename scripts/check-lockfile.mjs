#!/usr/bin/env node
// `npm run check:lockfile` (run by .ci/run before `npm ci`): the committed package-lock.json is the
// one npm itself would write for package.json, with every platform's optional packages in it
// (@next/swc-*, @tailwindcss/oxide-*, …), so that `npm ci` accepts it on any machine.
//
// npm resolves the lockfile again in a scratch copy of package.json and package-lock.json
// (`npm install --package-lock-only --ignore-scripts`: metadata only, no install, nothing run) and
// the two are compared. Any difference is drift: regenerate with the same command and commit it.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const scratch = mkdtempSync(path.join(tmpdir(), "authlab-lockfile-"));
try {
  for (const file of ["package.json", "package-lock.json"]) copyFileSync(path.join(root, file), path.join(scratch, file));
  execFileSync("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: scratch, stdio: ["ignore", "ignore", "inherit"] });
  const committed = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
  const resolved = JSON.parse(readFileSync(path.join(scratch, "package-lock.json"), "utf8"));
  const names = (lock) => new Set(Object.keys(lock.packages ?? {}));
  const missing = [...names(resolved)].filter((name) => !names(committed).has(name));
  const extra = [...names(committed)].filter((name) => !names(resolved).has(name));
  if (!isDeepStrictEqual(committed, resolved)) {
    console.error("check:lockfile: package-lock.json has drifted from package.json.");
    if (missing.length > 0) console.error(`  missing (${missing.length}): ${missing.slice(0, 12).join(", ")}${missing.length > 12 ? ", …" : ""}`);
    if (extra.length > 0) console.error(`  no longer needed (${extra.length}): ${extra.slice(0, 12).join(", ")}${extra.length > 12 ? ", …" : ""}`);
    if (missing.length === 0 && extra.length === 0) console.error("  the same packages, with other versions or fields.");
    console.error("  Fix: npm install --package-lock-only --ignore-scripts, then commit package-lock.json.");
    process.exit(1);
  }
  const platforms = [...names(committed)].filter((name) => /node_modules\/@next\/swc-/.test(name)).length;
  console.log(`check:lockfile: package-lock.json is what npm resolves for package.json (${names(committed).size - 1} packages, ${platforms} @next/swc platform builds).`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
