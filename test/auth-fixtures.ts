import type { AuthContext, AuthMode, AuthUser, CookieInstruction, CredentialInput } from "@/lib/auth/types";
import { settingsSchema, type Settings } from "@/lib/settings/schema";
import { Trace } from "@/lib/trace/trace";
import type { UserRow } from "@/lib/users/users";

/** A fixed auth clock on a whole second, far from the real date so nothing passes by accident. */
export const T0 = Date.UTC(2031, 4, 6, 7, 8, 9);

/** At least 32 characters, as iron-session and our own config checks demand. */
export const SEAL_PASSWORD = "test-seal-password-0123456789-abcdefghij";
export const OTHER_SEAL_PASSWORD = "foreign-seal-password-9876543210-zyxwvuts";
export const JWT_SECRET = "test-jwt-secret-0123456789-abcdefghijklmnop";
export const OTHER_JWT_SECRET = "attacker-jwt-secret-0123456789-abcdefghijkl";

export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return settingsSchema.parse({
    accessTtlSeconds: 900,
    refreshTtlSeconds: 30 * 86_400,
    refreshIdleSeconds: 7 * 86_400,
    refreshGraceSeconds: 10,
    sessionIdleSeconds: 1800,
    sessionAbsoluteSeconds: 8 * 3600,
    denylistEnabled: false,
    jwtStorage: "cookie",
    demoClockOffsetMs: 0,
    signingKeys: { generation: 0, retiring: [] },
    storeFault: false,
    sessionStore: "database",
    ...overrides,
  });
}

/** The lab tests act in unless they say otherwise: the default lab, which the migrations create. */
export const TEST_LAB = "default";

export function authContext(mode: AuthMode, now: number, settings: Settings = testSettings(), labId: string = TEST_LAB): AuthContext {
  return { labId, now, trace: new Trace(mode, "test-instance"), settings };
}

/** The cookies a browser would send back after receiving `cookies` (cleared ones dropped). */
export function browserInput(cookies: readonly CookieInstruction[], previous: CredentialInput = { cookies: {} }): CredentialInput {
  const jar: Record<string, string | undefined> = { ...previous.cookies };
  for (const c of cookies) {
    if (c.attributes.maxAge === 0) delete jar[c.name];
    else jar[c.name] = c.value;
  }
  return { ...previous, cookies: jar };
}

/**
 * Changes one base64url character near `position` (default: the middle) to a different one, so
 * the string keeps its shape but not its meaning. Never the last character, whose low bits a
 * base64url decoder may ignore.
 */
export function flipChar(value: string, position = Math.floor(value.length / 2)): string {
  for (let i = Math.min(position, value.length - 2); i >= 0; i--) {
    const ch = value[i];
    if (ch !== undefined && /[A-Za-z0-9]/.test(ch)) {
      const replacement = ch === "A" ? "B" : "A";
      return value.slice(0, i) + replacement + value.slice(i + 1);
    }
  }
  throw new Error(`nothing to flip in ${JSON.stringify(value)}`);
}

/** The `users` dependency of a strategy, in memory. */
export class FakeUsers {
  readonly rows = new Map<string, UserRow>();
  private next = 1;

  add(fields: Partial<UserRow> = {}): UserRow {
    const id = fields.id ?? `user-${this.next++}`;
    const row: UserRow = {
      id,
      labId: TEST_LAB,
      email: `${id}@example.test`,
      passwordHash: "unused",
      role: "user",
      disabled: false,
      createdAt: new Date(T0),
      ...fields,
    };
    this.rows.set(id, row);
    return row;
  }

  async findById(labId: string, id: string): Promise<UserRow | null> {
    const row = this.rows.get(id);
    return row && row.labId === labId ? row : null;
  }
}

export function authUser(row: UserRow): AuthUser {
  return { id: row.id, email: row.email, role: row.role === "admin" ? "admin" : "user" };
}
