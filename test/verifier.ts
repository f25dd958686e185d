import { spawn, type ChildProcess } from "node:child_process";

/**
 * The second service (scripts/verifier-service.mjs) as its own process, trusting `jwksUrl`, with no
 * cooldown between JWKS refetches (a rotation case needs no waiting). Resolves once it listens.
 */
export async function startVerifier(port: number, jwksUrl: string): Promise<{ url: string; process: ChildProcess; stop(): void }> {
  const child = spawn(process.execPath, ["scripts/verifier-service.mjs"], {
    env: { ...process.env, VERIFIER_PORT: String(port), VERIFIER_JWKS_COOLDOWN_MS: "0", JWKS_URL: jwksUrl },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
    child.on("exit", (code) => reject(new Error(`verifier exited early with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, process: child, stop: () => child.kill("SIGTERM") };
}
