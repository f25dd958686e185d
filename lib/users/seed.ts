import { getPrisma } from "../db/client";
import { DEMO_USERS } from "./demo-users";
import { hashPassword } from "./password";

/** Creates the demo users that do not exist yet. Idempotent; never changes an existing account. */
export async function ensureDemoUsers(): Promise<string[]> {
  const db = getPrisma();
  const created: string[] = [];
  for (const demo of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: demo.email } })) continue;
    await db.user.create({ data: { email: demo.email, role: demo.role, passwordHash: await hashPassword(demo.password) } });
    created.push(demo.email);
  }
  return created;
}
