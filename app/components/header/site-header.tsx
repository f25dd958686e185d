import Link from "next/link";
import type { AuthMode } from "@/lib/auth/types";
import { DemoClockBadge } from "../instructor/demo-clock-badge";
import { ModeToggle } from "../mode-toggle";
import { HeaderIdentity } from "./header-identity";
import type { HeaderState } from "./header-state";
import { LabBadge } from "./lab-badge";
import { SettingsBadges } from "./settings-badges";

const NAV_LINK = "inline-flex min-h-8 items-center py-1 hover:underline";

/**
 * The header on every page: where to go, who is signed in, whose lab this is, and what is in force
 * in it that is not the default (the demo clock, changed settings). On a phone the links wrap onto their own
 * rows instead of widening the page.
 */
export function SiteHeader({ mode, state }: { mode: AuthMode; state: HeaderState }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <Link href="/" className="inline-flex min-h-8 items-center text-lg font-bold tracking-tight">
          AuthLab
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 text-sm">
          <Link href="/" className={NAV_LINK}>Lab</Link>
          <Link href="/scenarios" className={NAV_LINK}>Scenarios</Link>
          <Link href="/tour" className={NAV_LINK}>Tour</Link>
          <Link href="/workbench" className={NAV_LINK}>Workbench</Link>
          <Link href="/challenges" className={NAV_LINK}>Challenges</Link>
          <Link href="/glossary" className={NAV_LINK}>Glossary</Link>
          <Link href="/instructor" className={NAV_LINK}>Instructor</Link>
          {/* No prefetch: a prefetched redirect-to-login would be replayed after the user logs in. */}
          <Link href="/dashboard" prefetch={false} className={NAV_LINK}>Dashboard</Link>
          {/* Keyed by what the server saw, so that a render after a sign-in (a server action) replaces what the panes announced before. */}
          <HeaderIdentity key={JSON.stringify(state.identities)} initial={state.identities} linkClass={NAV_LINK} />
        </nav>
        {/* What is in force on the server, one badge each; a new badge is one more child here. */}
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 sm:ml-auto" data-testid="header-status">
          {state.lab ? <LabBadge lab={state.lab} /> : null}
          <DemoClockBadge />
          <SettingsBadges key={JSON.stringify(state.settings)} initial={state.settings} defaults={state.defaults} />
          <ModeToggle initialMode={mode} />
        </div>
      </div>
    </header>
  );
}
