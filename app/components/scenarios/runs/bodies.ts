import type { Settings } from "@/lib/settings/schema";

/** The JSON shapes of the app's API that the scenarios read (see app/api/**). */
export interface PublicUser {
  id: string;
  email: string;
  role: string;
}

export interface LoginBody {
  user: PublicUser;
  accessToken?: string;
  expiresIn?: number;
}

export interface RefreshBody {
  accessToken: string;
  expiresIn: number;
  user: PublicUser;
}

export interface MeBody {
  user?: PublicUser;
  credential?: { expiresAt: string; id: string; source: string };
  error?: { code: string; message: string };
}

export interface SettingsBody {
  settings: Settings;
}

export interface ClockBody {
  enabled: boolean;
  offsetMs: number;
  now: string;
  realNow: string;
}

export interface CaptureBody {
  captureId: string;
  captured: { session: boolean; access: boolean; refresh: boolean };
  preview: { sessionIdPrefix: string | null; jti: string | null };
}

export interface ServerEvent {
  id: string;
  at: string;
  kind: string;
  userEmail: string | null;
  familyId: string | null;
  detail: unknown;
}

export interface FamilyView {
  id: string;
  userEmail: string;
  revokedAt: string | null;
  revokeReason: string | null;
  tokens: { id: string; parentId: string | null; hashPrefix: string; status: string }[];
}

export interface StateBody {
  events: ServerEvent[];
  families: FamilyView[];
}

export interface InspectBody {
  cookies: Record<string, { sent: boolean; decoded?: unknown }>;
}
