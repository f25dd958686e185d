// The benchmark's baseline: a minimal Next.js app of the same installed version, with the same
// route shape as AuthLab's benchmark routes (plus the same answer behind iron-session alone and
// jose alone, what a user might write instead) and nothing else — no proxy, no headers rules, no
// instrumentation, no wrapper. Written into a folder outside the project (inside it, Next's build
// would pick up AuthLab's own instrumentation.ts), using the project's node_modules through a
// symlink, built once, started with the framework's own `next start`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./app-process.mjs";

export const BARE_APP_DIR = path.join(os.tmpdir(), "authlab-bench-bare");

/** The deepest folder holding both paths: Turbopack must see the app and the node_modules it links to. */
function commonAncestor(a, b) {
  const left = path.resolve(a).split(path.sep);
  const right = path.resolve(b).split(path.sep);
  let i = 0;
  while (i < left.length && left[i] === right[i]) i++;
  return left.slice(0, i).join(path.sep) || path.sep;
}

const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

/** The bare app's secrets for the library cases (the bench seals and signs its credentials with them). */
export const BARE_SECRETS = {
  ironPassword: "bare-iron-session-password-0123456789abcdefgh",
  jwtSecret: "bare-jose-hs256-secret-0123456789abcdefghijklmn",
};

const FILES = {
  "package.json": JSON.stringify({ name: "authlab-bench-bare", private: true, type: "module" }, null, 2),
  "next.config.mjs": `// The roots Turbopack needs to follow the node_modules symlink, and nothing else.
const root = ${JSON.stringify(commonAncestor(BARE_APP_DIR, ROOT))};
export default { turbopack: { root }, outputFileTracingRoot: root, poweredByHeader: false };
`,
  "app/api/ping/route.js": `export function GET() {
  return Response.json({ ok: true, instanceId: "bare" });
}
`,
  // What a Next.js user would write with iron-session alone: a stateless sealed cookie, read with
  // getIronSession in the route handler (the library's documented App Router use).
  "app/api/iron-session/route.js": `import { cookies } from "next/headers";
import { getIronSession } from "iron-session";

const options = { password: ${JSON.stringify(BARE_SECRETS.ironPassword)}, cookieName: "bare_session" };

export async function GET() {
  const session = await getIronSession(await cookies(), options);
  if (!session.userId) return Response.json({ error: "unauthenticated" }, { status: 401 });
  return Response.json({ ok: true, instanceId: "bare", user: { id: session.userId } });
}
`,
  // And with jose alone: a Bearer HS256 token verified by hand in the handler.
  "app/api/jose/route.js": `import { jwtVerify } from "jose";

const key = new TextEncoder().encode(${JSON.stringify(BARE_SECRETS.jwtSecret)});

export async function GET(request) {
  const header = request.headers.get("authorization") ?? "";
  if (!header.startsWith("Bearer ")) return Response.json({ error: "unauthenticated" }, { status: 401 });
  try {
    const { payload } = await jwtVerify(header.slice(7), key, { algorithms: ["HS256"] });
    return Response.json({ ok: true, instanceId: "bare", user: { id: payload.sub } });
  } catch {
    return Response.json({ error: "unauthenticated" }, { status: 401 });
  }
}
`,
  "app/layout.js": `export default function Layout({ children }) {
  return children;
}
`,
};

/** Writes the app into `dir` and builds it unless an identical build is already there. */
export function ensureBareApp(dir = BARE_APP_DIR, { log = console.log } = {}) {
  const stamp = path.join(dir, ".built-for");
  const want = JSON.stringify({ files: FILES, next: JSON.parse(readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")).version });
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want && existsSync(path.join(dir, ".next", "BUILD_ID"))) return;
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  if (!existsSync(path.join(dir, "node_modules"))) symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  log("building the bare Next.js baseline app");
  const built = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: dir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error(`next build of the bare app failed (exit ${built.status})`);
  writeFileSync(stamp, want);
}

/** `next start` for the bare app: the framework's own server, as a user of Next would run it. */
export function bareAppCommand(dir = BARE_APP_DIR, port) {
  return { args: [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], cwd: dir };
}
