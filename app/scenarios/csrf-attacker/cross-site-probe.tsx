"use client";

import { useEffect, useState } from "react";
import { otherOrigin } from "@/lib/scenarios/other-origin";
import { PROBE_MESSAGE, type ProbeReport } from "@/app/components/scenarios/cross-site-window";

/** Runs the attacker's attempts once, shows them, and reports them to the lab window that opened this one. */
export function CrossSiteProbe() {
  const [report, setReport] = useState<ProbeReport | null>(null);
  const [victim, setVictim] = useState<string | null>(null);

  useEffect(() => {
    const target = otherOrigin(window.location);
    let cancelled = false;
    async function probe() {
      if (!target) return;
      let bearerAttempt: ProbeReport["bearerAttempt"];
      try {
        const response = await fetch(`${target}/api/auth/jwt/logout-all`, { method: "POST", headers: { authorization: "Bearer a-token-this-site-does-not-have" } });
        bearerAttempt = { sent: true, outcome: `answered ${response.status}` };
      } catch (error) {
        bearerAttempt = { sent: false, outcome: error instanceof Error ? `${error.name}: ${error.message}` : "refused" };
      }
      const result: ProbeReport = { type: PROBE_MESSAGE, bearerAttempt, documentCookie: document.cookie, localStorageKeys: Object.keys(window.localStorage) };
      if (cancelled) return;
      setVictim(target);
      setReport(result);
      // Only the lab's own origin may receive the report.
      window.opener?.postMessage(result, target);
    }
    void probe();
    return () => {
      cancelled = true;
    };
  }, []);

  if (!report) return <p role="status">Trying…</p>;
  return (
    <div role="status">
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
      <dt className="font-semibold">fetch with Authorization to {victim}</dt>
      <dd className="wrap-anywhere">{report.bearerAttempt.sent ? `sent, ${report.bearerAttempt.outcome}` : `blocked by the browser (${report.bearerAttempt.outcome})`}</dd>
      <dt className="font-semibold">document.cookie here</dt>
      <dd>
        <code>{JSON.stringify(report.documentCookie)}</code>
      </dd>
      <dt className="font-semibold">localStorage keys here</dt>
      <dd>{report.localStorageKeys.length ? report.localStorageKeys.join(", ") : "(none)"}</dd>
    </dl>
    </div>
  );
}
