import type { StoreInfo } from "../stores/store-info";
import type { Settings } from "./schema";

/** What `GET /api/settings` answers: the server builds it, the lab and the header read it. */
export interface SettingsView {
  settings: Settings;
  lab: { id: string; isDefault: boolean; toolsOpen: boolean };
  server: { demoClockEnabled: boolean; insecureCookies: boolean; defaultMode: string; instanceId: string };
  stores: StoreInfo;
}
