"use client";

import { useCallback, useEffect, useState } from "react";
import { DEMO_USERS } from "@/lib/users/demo-users";
import { CookieInspector } from "./cookie-inspector";
import { Countdown } from "./countdown";
import { isInspectedCookie, type DecodedJwtView, type InspectReport, type JwtStorageSetting, type SessionCookieDecoded } from "./inspect-types";
import { lab, LAB_ACTION_EVENT, type LabAction, type LabExchange, type PaneMode } from "./lab-client";
import { forgetToken, readToken, writeToken } from "./token-holder";
import { useReloadOnLabActivity } from "./use-lab-events";

interface Identity {
  email: string;
  role: string;
  expiresAt: string | null;
  note: string;
}

const [ALICE, ADMIN] = DEMO_USERS;

function sessionIdentity(report: InspectReport): Identity | null {
  const cookie = Object.entries(report.cookies).find(([name]) => /session$/.test(name))?.[1];
  if (!isInspectedCookie<SessionCookieDecoded>(cookie) || !cookie.decoded?.record?.user) return null;
  const { record } = cookie.decoded;
  const user = record.user;
  if (!user) return null;
  const expiresAt = new Date(Math.min(Date.parse(record.idleExpiresAt), Date.parse(record.absoluteExpiresAt))).toISOString();
  return { email: user.email, role: user.role, expiresAt, note: "role read from the database on every request" };
}

function jwtIdentity(report: InspectReport): Identity | null {
  const cookie = Object.entries(report.cookies).find(([name]) => /access$/.test(name))?.[1];
  const decoded: DecodedJwtView | null = report.authorization?.decoded ?? (isInspectedCookie<DecodedJwtView>(cookie) ? cookie.decoded : null);
  if (!decoded?.payload) return null;
  const { email, role, exp } = decoded.payload;
  const expiresAt = typeof exp === "number" ? new Date(exp * 1000).toISOString() : null;
  const note = decoded.verification.ok ? "role taken from the signed token, no lookup" : `token refused now: ${decoded.verification.code}`;
  return { email: String(email ?? "?"), role: String(role ?? "?"), expiresAt, note };
}

function summary(exchange: LabExchange): string {
  return `${exchange.label}: ${exchange.status || "network error"}${exchange.code ? ` ${exchange.code}` : ""}`;
}

/**
 * One strategy as a live client: its own credentials in this browser, its buttons, its state at a
 * glance and its cookie inspector. Everything shown comes from the server's answers.
 */
export function AuthPane({ pane, storage }: { pane: PaneMode; storage: JwtStorageSetting }) {
  const [report, setReport] = useState<InspectReport | null>(null);
  const [documentCookie, setDocumentCookie] = useState("");
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<string | null>(null);
  const usesBearer = pane === "jwt" && storage !== "cookie";
  const title = pane === "session" ? "Session" : "JWT";

  const reload = useCallback(async () => {
    const bearer = usesBearer ? readToken(storage) : null;
    const answer = await lab.inspect(pane, bearer, { quiet: true });
    if (answer.ok) setReport(answer.body as InspectReport);
    // What this page's JavaScript can read, at the same moment: HttpOnly cookies are not in it.
    setDocumentCookie(document.cookie);
  }, [pane, storage, usesBearer]);
  useReloadOnLabActivity(reload);

  const run = useCallback(
    async (action: LabAction["action"]) => {
      setBusy(true);
      try {
        const bearer = usesBearer ? readToken(storage) : null;
        let exchange: LabExchange;
        switch (action) {
          case "login-alice":
          case "login-admin":
            exchange = await lab.login(pane, action === "login-alice" ? ALICE : ADMIN, { refreshOnly: usesBearer });
            if (usesBearer && exchange.ok) writeToken(storage, (exchange.body as { accessToken?: string } | null)?.accessToken ?? null);
            break;
          case "call-api":
            exchange = await lab.me(pane, bearer);
            break;
          case "refresh":
            exchange = await lab.refresh({ refreshOnly: usesBearer });
            if (usesBearer && exchange.ok) writeToken(storage, (exchange.body as { accessToken?: string } | null)?.accessToken ?? null);
            break;
          case "logout":
            exchange = await lab.logout(pane, bearer);
            if (pane === "jwt") forgetToken();
            break;
          case "logout-all":
            exchange = await lab.logoutAll(pane, bearer);
            if (pane === "jwt" && exchange.ok) forgetToken();
            break;
        }
        setLast(summary(exchange));
      } finally {
        setBusy(false);
      }
    },
    [pane, storage, usesBearer],
  );

  // The tour and scenarios press this pane's buttons through LAB_ACTION_EVENT.
  useEffect(() => {
    const onAction = (event: Event) => {
      const detail = (event as CustomEvent<LabAction>).detail;
      if (detail.pane === pane) void run(detail.action);
    };
    window.addEventListener(LAB_ACTION_EVENT, onAction);
    return () => window.removeEventListener(LAB_ACTION_EVENT, onAction);
  }, [pane, run]);

  const identity = report ? (pane === "session" ? sessionIdentity(report) : jwtIdentity(report)) : null;
  const button = "rounded border px-3 py-1.5 text-sm font-medium disabled:opacity-50";
  const accent = pane === "session" ? "border-session" : "border-jwt";

  return (
    <section aria-labelledby={`pane-${pane}`} className={`space-y-3 rounded-lg border-2 ${accent} bg-white p-4`} data-pane={pane}>
      <header className="space-y-1">
        <h2 id={`pane-${pane}`} className="text-xl font-bold">
          {title} pane
        </h2>
        <p className="text-sm text-slate-700">
          {pane === "session"
            ? "An opaque, sealed id in an HttpOnly cookie; the server looks it up in its store on every request."
            : `A signed token the server verifies without a lookup${storage === "cookie" ? " (kept in an HttpOnly cookie)" : storage === "memory" ? " (kept in page memory, sent as a Bearer header)" : " (kept in localStorage, sent as a Bearer header)"}; a refresh cookie renews it.`}
        </p>
      </header>

      <div role="status" aria-label={`${title} state`} className="rounded bg-slate-100 p-2 text-sm" data-testid={`${pane}-state`}>
        {identity ? (
          <p>
            Signed in as <strong data-testid={`${pane}-email`}>{identity.email}</strong> · role <strong data-testid={`${pane}-role`}>{identity.role}</strong>
            {identity.expiresAt && report ? (
              <>
                {" "}
                · expires in <Countdown key={report.now} until={identity.expiresAt} serverNow={report.now} label={`${title} credential expires in`} />
              </>
            ) : null}
            <span className="block text-xs text-slate-600">{identity.note}</span>
          </p>
        ) : (
          <p>Not signed in{pane === "jwt" ? " (no access token; a refresh cookie may still renew one)" : ""}.</p>
        )}
      </div>

      <div className="flex flex-wrap gap-2" role="group" aria-label={`${title} actions`}>
        <button type="button" className={`${button} border-slate-300`} disabled={busy} onClick={() => void run("login-alice")}>
          Log in as alice
        </button>
        <button type="button" className={`${button} border-slate-300`} disabled={busy} onClick={() => void run("login-admin")}>
          Log in as admin
        </button>
        <button type="button" className={`${button} ${accent}`} disabled={busy} onClick={() => void run("call-api")}>
          Call the protected API
        </button>
        {pane === "jwt" ? (
          <button type="button" className={`${button} border-slate-300`} disabled={busy} onClick={() => void run("refresh")}>
            Refresh the token
          </button>
        ) : null}
        <button type="button" className={`${button} border-slate-300`} disabled={busy} onClick={() => void run("logout")}>
          Log out
        </button>
        <button type="button" className={`${button} border-slate-300`} disabled={busy} onClick={() => void run("logout-all")}>
          Log out everywhere
        </button>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm" data-testid={`${pane}-last`}>
        {last ? `Last: ${last}` : ""}
      </p>

      <details className="rounded border border-slate-200 p-2" open>
        <summary className="cursor-pointer text-sm font-semibold">Cookie inspector</summary>
        <div className="mt-2">
          <CookieInspector pane={pane} report={report} storage={storage} documentCookie={documentCookie} />
        </div>
      </details>
    </section>
  );
}
