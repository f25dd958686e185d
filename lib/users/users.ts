import type { AuthUser, Role } from "../auth/types";

export interface UserRow {
  id: string;
  /** The lab the account belongs to: an account exists in one lab only. */
  labId: string;
  email: string;
  passwordHash: string;
  role: string;
  disabled: boolean;
  createdAt: Date;
}

export function asRole(value: string): Role {
  return value === "admin" ? "admin" : "user";
}

export function toAuthUser(row: Pick<UserRow, "id" | "email" | "role">): AuthUser {
  return { id: row.id, email: row.email, role: asRole(row.role) };
}

/** Public shape of a user in API responses: never the hash. */
export function publicUser(row: UserRow): AuthUser & { disabled: boolean; createdAt: string } {
  return { ...toAuthUser(row), disabled: row.disabled, createdAt: row.createdAt.toISOString() };
}
