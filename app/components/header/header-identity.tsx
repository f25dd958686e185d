"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { AuthMode } from "@/lib/auth/types";
import { LAB_IDENTITY_EVENT, type PaneIdentityAnnouncement } from "../lab/lab-client";
import type { HeaderIdentity as Identity } from "./header-state";

type Identities = Record<AuthMode, Identity | null>;

function describe(identities: Identities): string {
  const { session, jwt } = identities;
  if (session && jwt && session.email === jwt.email) return `${session.email} (session + JWT)`;
  return [session ? `${session.email} (session)` : null, jwt ? `${jwt.email} (JWT)` : null].filter(Boolean).join(" · ");
}

/**
 * Who this browser is signed in as — a link to the dashboard — or, when nobody, the way to log in or
 * register. The server says so when it renders the page; the lab's panes say so again whenever they
 * sign in or out without a page load.
 */
export function HeaderIdentity({ initial, linkClass }: { initial: Identities; linkClass: string }) {
  const [identities, setIdentities] = useState<Identities>(initial);
  useEffect(() => {
    const onIdentity = (event: Event) => {
      const { pane, identity } = (event as CustomEvent<PaneIdentityAnnouncement>).detail;
      setIdentities((previous) => (previous[pane]?.email === identity?.email && previous[pane]?.role === identity?.role ? previous : { ...previous, [pane]: identity }));
    };
    window.addEventListener(LAB_IDENTITY_EVENT, onIdentity);
    return () => window.removeEventListener(LAB_IDENTITY_EVENT, onIdentity);
  }, []);

  if (!identities.session && !identities.jwt) {
    return (
      <>
        <Link href="/login" className={linkClass}>
          Log in
        </Link>
        <Link href="/register" className={linkClass}>
          Register
        </Link>
      </>
    );
  }
  return (
    // No prefetch: a prefetched redirect-to-login would be replayed after the credential changes.
    <Link href="/dashboard" prefetch={false} className={`${linkClass} font-medium`} data-testid="header-identity">
      <span className="text-slate-600">Signed in:</span>&nbsp;<span className="wrap-anywhere">{describe(identities)}</span>
    </Link>
  );
}
