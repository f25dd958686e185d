// Types for app-process.mjs, so that the TypeScript process tests can use the same helpers.
/** Environment variables for a child process (NODE_ENV is set by `startApp`). */
export type Env = Record<string, string | undefined>;
export const ROOT: string;
export const SERVER_ENTRY: string;
export const DEFAULT_PG_SERVER: string;
export const DEFAULT_REDIS_URL: string;

export interface AppProcess {
  url: string;
  port: number;
  pid: number | undefined;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  log(): string;
  stop(graceMs?: number): Promise<void>;
}

export function hasProductionBuild(): boolean;
export function ensureProductionBuild(options?: { build?: boolean; log?: (line: string) => void }): void;
export function reachable(host: string, port: number, timeoutMs?: number): Promise<boolean>;
export function urlReachable(url: string, timeoutMs?: number): Promise<boolean>;
export function freePort(): Promise<number>;
export function postgresProblem(serverUrl?: string): Promise<string | null>;
export function createPostgresDatabase(serverUrl: string, name: string, options?: { fresh?: boolean }): Promise<string>;
export function dropPostgresDatabase(serverUrl: string, name: string): Promise<void>;
export function deleteRedisKeys(url: string, prefix: string): Promise<void>;
export function migrate(env: Env): string;
export function sharedSecrets(file: string): { SESSION_PASSWORD: string; JWT_SECRET: string };
export function ensureAsymmetricKeyFile(file: string, alg: "ES256" | "EdDSA"): Promise<void>;
export function startApp(options: {
  port: number;
  env: Env;
  host?: string;
  onOutput?: (line: string) => void;
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}): Promise<AppProcess>;
