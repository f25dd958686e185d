"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { otherOrigin } from "@/lib/scenarios/other-origin";

const subscribe = () => () => undefined;

/**
 * A link to the attacker's page on this server's other name (another site to the browser), aimed
 * at this lab: its lab cookie stays home on a cross-site request, so the page names the lab in
 * `?lab=` with the value the lab signed for that (GET /api/labs/current's `csrfDemoLab`); the
 * lab's public id alone would name nothing.
 */
export function CsrfAttackLink() {
  // The other name depends on how this page was opened; the server cannot know it while rendering.
  const other = useSyncExternalStore(subscribe, () => otherOrigin(window.location), () => null);
  const [csrfDemoLab, setCsrfDemoLab] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/labs/current", { cache: "no-store" })
      .then(async (res) => (res.ok ? ((await res.json()) as { csrfDemoLab?: string }).csrfDemoLab : undefined))
      .then((value) => live && (value ? setCsrfDemoLab(value) : setFailed(true)))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);
  if (!other) {
    return <p className="text-sm text-slate-700">The attacker&apos;s page plays “another site” with this server&apos;s other loopback name: open AuthLab on http://localhost or http://127.0.0.1 to get its link.</p>;
  }
  if (!csrfDemoLab) {
    return <p className="text-sm text-slate-700">{failed ? "Could not ask the server which lab this is: reload the page to get the attacker's link." : "Preparing the attacker's link…"}</p>;
  }
  return (
    <p className="text-sm">
      <a href={`${other}/lab/csrf-attack?lab=${encodeURIComponent(csrfDemoLab)}`} target="_blank" rel="noopener" className="inline-flex min-h-6 items-center font-semibold text-red-800 underline">
        Open the attacker&apos;s page ({new URL(other).host})
      </a>{" "}
      — in a new tab; it submits its form as soon as it loads.
    </p>
  );
}
