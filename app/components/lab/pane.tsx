"use client";

import { useCallback, useEffect, useState } from "react";
import { DEMO_USERS } from "@/lib/users/demo-users";
import { Term } from "../glossary/term";
import { CookieInspector } from "./cookie-inspector";
import { Countdown } from "./countdown";
import type { InspectReport } from "@/lib/auth/inspect-view";
import type { JwtStorage as JwtStorageSetting } from "@/lib/settings/schema";
import { InspectorDisclosure } from "./inspector-disclosure";
import { announceIdentity, lab, LAB_ACTION_EVENT, type LabAction, type LabExchange, type PaneMode } from "./lab-client";
import { credentialsPresent, paneIdentity, sessionStoreUnavailable } from "./pane-identity";
import { forgetToken, readToken, writeToken } from "./token-holder";
import { useReloadOnLabActivity } from "./use-lab-events";

const [ALICE, ADMIN] = DEMO_USERS;

function summary(exchange: LabExchange): string {
  return `${exchange.label}: ${exchange.status || "network error"}${exchange.code ? ` ${exchange.code}` : ""}`;
}

const STORAGE_WORDS: Record<JwtStorageSetting, React.ReactNode> = {
  cookie: (
    <>
      kept in an <Term id="httponly">HttpOnly</Term> cookie
    </>
  ),
  memory: (
    <>
      kept in page memory, sent as a <Term id="bearer">Bearer header</Term>
    </>
  ),
  localStorage: (
    <>
      kept in localStorage, sent as a <Term id="bearer">Bearer header</Term>
    </>
  ),
};

/**
 * One strategy as a live client: its own credentials in this browser, its buttons, its state at a
 * glance (with the last answer right under it, where a class looks) and its cookie inspector.
 * Everything shown comes from the server's answers.
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

  const identity = report ? paneIdentity(pane, report) : null;
  const signedIn = identity?.accepted ? identity : null;

  // The header says who this browser is signed in as, and it rendered before this pane acted: tell it.
  const loaded = report !== null;
  const signedInEmail = signedIn?.email ?? null;
  const signedInRole = signedIn?.role ?? null;
  useEffect(() => {
    if (loaded) announceIdentity({ pane, identity: signedInEmail && signedInRole ? { email: signedInEmail, role: signedInRole } : null });
  }, [pane, loaded, signedInEmail, signedInRole]);

  const button = "min-h-9 rounded border px-3 py-1.5 text-sm font-medium disabled:opacity-50";
  const accent = pane === "session" ? "border-session" : "border-jwt";

  return (
    <section aria-labelledby={`pane-${pane}`} className={`space-y-3 rounded-lg border-2 ${accent} min-w-0 bg-white p-4`} data-pane={pane}>
      <header className="space-y-1">
        <h2 id={`pane-${pane}`} className="text-xl font-bold">
          {title} pane
        </h2>
        <p className="text-sm text-slate-700">
          {pane === "session" ? (
            <>
              An <Term id="opaque">opaque</Term>, <Term id="seal">sealed</Term> id in an <Term id="httponly">HttpOnly</Term> cookie; the server looks it up in its{" "}
              <Term id="session-store">store</Term> on every request.
            </>
          ) : (
            <>
              A <Term id="jwt">signed token</Term> the server <Term id="jwt-verify">verifies</Term> without a lookup ({STORAGE_WORDS[storage]}); a{" "}
              <Term id="refresh-token">refresh cookie</Term> renews it.
            </>
          )}
        </p>
      </header>

      <div role="status" aria-label={`${title} state`} className="rounded bg-slate-100 p-2 text-sm" data-testid={`${pane}-state`}>
        {identity && report ? (
          <p>
            {identity.accepted ? "Signed in as " : "Holds a refused token for "}
            <strong data-testid={`${pane}-email`}>{identity.email}</strong> · role <strong data-testid={`${pane}-role`}>{identity.role}</strong>
            {identity.expiresAt && identity.accepted ? (
              <>
                {" "}
                · <Countdown key={report.now} until={identity.expiresAt} serverNow={report.now} before="expires in" after="expired" />
              </>
            ) : null}
            <span className="block text-xs text-slate-600">{identity.note}</span>
          </p>
        ) : report && sessionStoreUnavailable(pane, report) ? (
          <p data-testid="session-store-unavailable">
            <strong>Still signed in</strong>, but the server cannot check the session right now: its store is unavailable (503). The cookie was left alone, so it works again
            as soon as the store is back.
          </p>
        ) : (
          <p>Not signed in{pane === "jwt" ? " (no access token; a refresh cookie may still renew one)" : ""}.</p>
        )}
      </div>
      <p aria-live="polite" className="min-h-5 text-sm font-medium" data-testid={`${pane}-last`}>
        {last ? `Last: ${last}` : ""}
      </p>

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

      <InspectorDisclosure pane={pane} present={report ? credentialsPresent(pane, report) : 0} loaded={loaded}>
        <CookieInspector pane={pane} report={report} storage={storage} documentCookie={documentCookie} />
      </InspectorDisclosure>
    </section>
  );
}
