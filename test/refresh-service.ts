import { RefreshTokenService } from "@/lib/auth/refresh-tokens";
import type { Db } from "@/lib/db/client";
import { EventStore } from "@/lib/stores/event-store";
import { RefreshStore } from "@/lib/stores/refresh-store";
import { SEAL_PASSWORD } from "./auth-fixtures";

/** The refresh-token service on a test database, as lib/auth/services.ts builds it for the app. */
export function refreshService(db: Db, sealPasswords: Record<string, string> = { "1": SEAL_PASSWORD }, maxFamiliesPerLab = 1_000): RefreshTokenService {
  return new RefreshTokenService({ store: new RefreshStore(db), events: new EventStore(db), sealPasswords, maxFamiliesPerLab });
}
