// Which real services (PostgreSQL, Redis) the service-backed tests can use, and what to do when
// one is missing: on a developer's machine without it, skip those tests and say so plainly; with
// CI=true, a missing service is a failure, never a silent skip.
import { randomBytes } from "node:crypto";
import net from "node:net";

export const IN_CI = /^(1|true)$/i.test(process.env.CI ?? "");

/** The PostgreSQL server the tests create their throw-away databases on. */
export const PG_SERVER_URL = (process.env.PG_URL ?? "postgresql://postgres@127.0.0.1:5432").replace(/\/+$/, "");
/**
 * Name of a throw-away PostgreSQL database: `PG_DATABASE_PREFIX` (default `authlab_`) + purpose +
 * random suffix, so that several checkouts sharing one server can each keep to their own names.
 */
export function throwAwayDatabaseName(purpose: string): string {
  return `${process.env.PG_DATABASE_PREFIX ?? "authlab_"}${purpose}_${randomBytes(5).toString("hex")}`;
}

/** The Redis the tests use: logical database 3, every key under a per-run prefix. */
export const REDIS_TEST_URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379/3";

export interface ServiceGate {
  name: string;
  url: string;
  /** Why the service cannot be used, or null when it answers. */
  problem: string | null;
  /** True when the tests must be skipped (the service is missing and CI is not set). */
  skip: boolean;
  /** Call in `beforeAll`: throws in CI when the service is missing, so the suite fails instead of passing empty. */
  require(): void;
}

const HOW_TO_RUN: Record<string, string> = {
  PostgreSQL: "start PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres (or set PG_URL), then rerun",
  Redis: "start Redis (`redis-server --port 6379 --save '' --appendonly no`, or set REDIS_TEST_URL), then rerun",
};

const reported = new Set<string>();

function gate(name: string, url: string, problem: string | null, suite: string): ServiceGate {
  const skip = problem !== null && !IN_CI;
  if (skip && !reported.has(`${name}:${suite}`)) {
    reported.add(`${name}:${suite}`);
    console.warn(
      `[${suite}] SKIPPING the ${name}-backed tests: no server at ${redact(url)} (${problem}). ` +
        `To run them, ${HOW_TO_RUN[name] ?? `start ${name}`}. With CI=true they run and must pass.`,
    );
  }
  return {
    name,
    url,
    problem,
    skip,
    require() {
      if (problem !== null) throw new Error(`CI=true but ${name} at ${redact(url)} is unreachable: ${problem}`);
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/** Opens a TCP connection, sends `probe` and resolves with the first reply, within `timeoutMs`. */
function ask(url: string, defaultPort: number, probe: Buffer, timeoutMs = 2000): Promise<Buffer> {
  const parsed = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(parsed.port || defaultPort), parsed.hostname || "127.0.0.1");
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once("connect", () => socket.write(probe));
    socket.once("data", (data) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(data);
    });
    socket.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

function message(error: unknown): string {
  if (error instanceof Error) return (error as { code?: string }).code ?? error.message;
  return String(error);
}

/** Is PostgreSQL answering? (An SSLRequest packet: any server answers it with one byte, 'S' or 'N'.) */
export async function postgresGate(suite: string): Promise<ServiceGate> {
  const sslRequest = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);
  let problem: string | null = null;
  try {
    const reply = await ask(PG_SERVER_URL, 5432, sslRequest);
    if (reply[0] !== 0x53 && reply[0] !== 0x4e) problem = "something answered, but not PostgreSQL";
  } catch (error) {
    problem = message(error);
  }
  return gate("PostgreSQL", PG_SERVER_URL, problem, suite);
}

/** Is Redis answering? (PING → +PONG, or -NOAUTH from a server that wants a password.) */
export async function redisGate(suite: string): Promise<ServiceGate> {
  let problem: string | null = null;
  try {
    const reply = (await ask(REDIS_TEST_URL, 6379, Buffer.from("PING\r\n"))).toString();
    if (!reply.startsWith("+PONG") && !reply.startsWith("-NOAUTH")) problem = `unexpected reply ${JSON.stringify(reply.slice(0, 40))}`;
  } catch (error) {
    problem = message(error);
  }
  return gate("Redis", REDIS_TEST_URL, problem, suite);
}
