import "server-only";
import { stores } from "../stores/registry";
import { DEMO_USERS } from "./demo-users";
import { hashPassword } from "./password";

export interface DemoUserRow {
  email: string;
  role: string;
  passwordHash: string;
}

let hashed: Promise<DemoUserRow[]> | undefined;

/**
 * The demo accounts with their argon2id hashes, hashed once per process: every new lab gets the
 * same (public) passwords, and creating a lab must not cost two password hashes (~100 ms) each time.
 */
export function demoUserRows(): Promise<DemoUserRow[]> {
  hashed ??= Promise.all(DEMO_USERS.map(async (demo) => ({ email: demo.email, role: demo.role, passwordHash: await hashPassword(demo.password) })));
  return hashed;
}

/** Creates the demo users of a lab that do not exist yet. Idempotent; never changes an existing account. */
export async function ensureDemoUsers(labId: string): Promise<string[]> {
  const { users } = stores();
  const created: string[] = [];
  for (const demo of await demoUserRows()) {
    if (await users.findByEmail(labId, demo.email)) continue;
    await users.create({ labId, email: demo.email, role: demo.role === "admin" ? "admin" : "user", passwordHash: demo.passwordHash });
    created.push(demo.email);
  }
  return created;
}
