import type { DurationSettingKey } from "@/lib/settings/bounds";
import type { Settings } from "@/lib/settings/schema";

export interface DurationField {
  key: DurationSettingKey;
  label: string;
  help: string;
}

/** What each setting means, in the words the lab uses. Values and bounds come from the server's schema. */
export const JWT_FIELDS: DurationField[] = [
  { key: "accessTtlSeconds", label: "Access token lifetime", help: "How long a JWT works after it is issued — and so how long a copied one keeps working after logout. Applies to tokens issued from now on." },
  { key: "refreshTtlSeconds", label: "Refresh token absolute lifetime", help: "No refresh after this long since login, however active the user is." },
  { key: "refreshIdleSeconds", label: "Refresh token idle lifetime", help: "A refresh token unused this long has expired." },
  { key: "refreshGraceSeconds", label: "Refresh grace window", help: "A spent refresh token sent again within this window is a concurrent retry (409); after it, theft: the whole family is revoked." },
];

export const SESSION_FIELDS: DurationField[] = [
  { key: "sessionIdleSeconds", label: "Session idle timeout", help: "A session unused this long is dead. Sliding: every request pushes it back." },
  { key: "sessionAbsoluteSeconds", label: "Session absolute timeout", help: "A session ends this long after login, however active." },
];

export const STORAGE_OPTIONS: { value: Settings["jwtStorage"]; label: string; help: string }[] = [
  { value: "cookie", label: "HttpOnly cookie", help: "The default. Sent by the browser; no script on the page can read it." },
  { value: "memory", label: "Page memory", help: "Sent as Authorization: Bearer. Gone on reload; readable by scripts that reach the page's code." },
  { value: "localStorage", label: "localStorage", help: "Sent as Authorization: Bearer. Survives reloads — and any injected script can read it." },
];

export const STORAGE_LABEL: Record<Settings["jwtStorage"], string> = { cookie: "HttpOnly cookie", memory: "page memory", localStorage: "localStorage" };
