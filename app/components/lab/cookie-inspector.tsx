"use client";

import { Term } from "../glossary/term";
import { CookieAttributeList } from "./cookie-attributes";
import { isInspectedCookie, type DecodedJwtView, type InspectReport, type SessionCookieDecoded } from "@/lib/auth/inspect-view";
import type { JwtStorage as JwtStorageSetting } from "@/lib/settings/schema";
import { JwtDecoded } from "./jwt-decoded";
import type { PaneMode } from "./lab-client";
import { SessionSeal } from "./session-seal";

const ACCESS_WHERE: Record<JwtStorageSetting, string> = {
  cookie: "HttpOnly cookie",
  memory: "page memory, sent as Authorization: Bearer",
  localStorage: "localStorage, sent as Authorization: Bearer",
};

/**
 * Every cookie the pane's strategy uses, as the server received them on a read-only inspect call:
 * attributes explained, the JWT decoded, the session seal shown as opaque beside its server record.
 */
export function CookieInspector({ pane, report, storage, documentCookie }: { pane: PaneMode; report: InspectReport | null; storage: JwtStorageSetting; documentCookie: string }) {
  if (!report) return <p className="text-xs text-slate-600">Reading what the server receives…</p>;
  const names = Object.keys(report.cookies).filter((name) => (pane === "session" ? /session$/.test(name) : /(access|refresh)$/.test(name)));
  return (
    <div className="space-y-3" aria-label={`${pane === "session" ? "Session" : "JWT"} cookie inspector`} role="region">
      {names.map((name) => {
        const cookie = report.cookies[name];
        if (!isInspectedCookie<SessionCookieDecoded | DecodedJwtView>(cookie)) return null;
        const isRefresh = /refresh$/.test(name);
        const isAccess = /access$/.test(name);
        return (
          <article key={name} className="space-y-1 rounded border border-slate-200 p-2" data-cookie={name}>
            <h4 className="font-mono text-sm font-semibold">{name}</h4>
            <p className="text-xs" data-testid="cookie-presence">
              {cookie.sent
                ? "Present: the browser sent it with this request."
                : isRefresh
                  ? "Not sent here (Path=/api/auth/jwt): the browser sends it only to the refresh and logout endpoints, so this page and the APIs never carry it."
                  : isAccess && storage !== "cookie"
                    ? `Not used: the access token lives in ${ACCESS_WHERE[storage]}.`
                    : "Absent: the browser holds no such cookie."}
            </p>
            <CookieAttributeList name={name} attributes={cookie.attributes} />
            {cookie.decoded && !isRefresh ? (
              pane === "session" ? (
                <SessionSeal decoded={cookie.decoded as SessionCookieDecoded} serverNow={report.now} />
              ) : (
                <JwtDecoded jwt={cookie.decoded as DecodedJwtView} serverNow={report.now} where="HttpOnly cookie" />
              )
            ) : null}
          </article>
        );
      })}
      {pane === "jwt" && report.authorization ? (
        <article className="space-y-1 rounded border border-slate-200 p-2">
          <h4 className="font-mono text-sm font-semibold">Authorization: Bearer …</h4>
          <JwtDecoded jwt={report.authorization.decoded} serverNow={report.now} where={ACCESS_WHERE[storage]} />
        </article>
      ) : null}
      <p className="text-xs">
        <Term id="document-cookie">
          <code>document.cookie</code>
        </Term>{" "}
        on this page: <code data-testid="document-cookie" className="break-all">{documentCookie === "" ? '""' : documentCookie}</code> — the HttpOnly
        cookies above are not in it.
      </p>
    </div>
  );
}
