"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { settingsInForce } from "@/lib/non-default-settings";
import type { Settings } from "@/lib/settings/schema";
import { apiFetch } from "../api-client";
import { LAB_EVENT, LAB_REFRESH_EVENT } from "../lab/lab-client";

/** While a page is open it re-reads the settings this often, so a change from another tab shows up too. */
const POLL_MS = 15_000;
/** Lab requests come in bursts (a scenario, a tour step): read once after the burst. */
const SETTLE_MS = 300;

/**
 * Every setting not at its default, as a badge in the header on every page — the denylist, a
 * shortened lifetime, where the JWT pane keeps its token — so nobody forgets a demo left one on.
 */
export function SettingsBadges({ initial, defaults }: { initial: Settings | null; defaults: Settings }) {
  const [settings, setSettings] = useState<Settings | null>(initial);
  const reload = useCallback(async () => {
    const res = await apiFetch<{ settings: Settings }>("/api/settings");
    if (res.ok) setSettings(res.data.settings);
  }, []);

  useEffect(() => {
    let settle: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      if (settle) clearTimeout(settle);
      settle = setTimeout(() => void reload(), SETTLE_MS);
    };
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void reload();
    }, POLL_MS);
    // (apiFetch announces nothing, so these reads cannot wake this listener: no loop.)
    window.addEventListener(LAB_EVENT, soon);
    window.addEventListener(LAB_REFRESH_EVENT, soon);
    window.addEventListener("focus", soon);
    return () => {
      if (settle) clearTimeout(settle);
      clearInterval(timer);
      window.removeEventListener(LAB_EVENT, soon);
      window.removeEventListener(LAB_REFRESH_EVENT, soon);
      window.removeEventListener("focus", soon);
    };
  }, [reload]);

  const inForce = settings ? settingsInForce(settings, defaults) : [];
  return (
    <>
      {/* A bare live region, not role="status": the header is on every page and must not add a status to each. */}
      <p aria-live="polite" className="sr-only">
        {inForce.length ? `Settings not at their defaults: ${inForce.map((s) => s.text).join(", ")}` : ""}
      </p>
      {inForce.length ? (
        <ul aria-label="Settings not at their defaults" className="flex flex-wrap gap-1.5">
          {inForce.map((setting) => (
            <li key={setting.key}>
              <Link
                href="/instructor"
                data-setting={setting.key}
                title={
                  setting.alarm
                    ? "This lab's session store and denylist refuse every request: sessions answer 503, JWTs verify unless the denylist is on. Turn it off on the instructor page."
                    : `Not the default (${setting.defaultText}). Change it on the instructor page.`
                }
                className={`inline-flex min-h-7 items-center rounded-full border px-3 py-0.5 text-sm font-medium ${
                  setting.alarm ? "border-red-700 bg-red-700 text-white hover:bg-red-800" : "border-amber-500 bg-amber-100 text-amber-950 hover:bg-amber-200"
                }`}
              >
                {setting.alarm ? <span aria-hidden="true">⚠ </span> : null}
                {setting.text}
                <span className="sr-only"> (default {setting.defaultText})</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
