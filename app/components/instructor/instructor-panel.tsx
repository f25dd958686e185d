"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AuthMode } from "@/lib/auth/types";
import { adminFromIdentities, describeAccess, type AdminAccess, type SignedInIdentity } from "./admin-access";
import { AdminSignIn } from "./admin-sign-in";
import { DemoClockControls } from "./demo-clock-controls";
import { MemoryRestartPanel } from "./memory-restart-panel";
import { ResetDemoButton } from "./reset-demo-button";
import { SettingsForm } from "./settings-form";
import { SigningKeysPanel } from "./signing-keys-panel";
import { StoreFaultPanel } from "./store-fault-panel";
import { useDemoClock } from "./use-demo-clock";

function Section({ title, children, id }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="text-xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

/**
 * A credential the page could not check because its store is down may still be the lab's admin:
 * the outage switch checks its admin past the outage, so the switch offers it (the server decides).
 */
function pastTheOutage(unchecked: AuthMode[]): AdminAccess | null {
  const mode = unchecked[0];
  return mode ? { kind: "cookie", mode, email: "this browser's unchecked credential" } : null;
}

function whoIsSignedIn(identities: SignedInIdentity[]): string {
  if (identities.length === 0) return "This browser is not signed in with either strategy.";
  return `This browser is signed in as ${identities.map((i) => `${i.email} (${i.role}, ${i.mode === "session" ? "session" : "JWT"})`).join(" and ")}.`;
}

/** The instructor's controls: the demo clock, the runtime settings, the signing keys, a store outage, a memory-store restart (admin), and the demo reset. */
export function InstructorPanel({ identities, labIsDefault, unchecked = [] }: { identities: SignedInIdentity[]; labIsDefault: boolean; unchecked?: AuthMode[] }) {
  const router = useRouter();
  const [access, setAccess] = useState<AdminAccess | null>(() => adminFromIdentities(identities));
  const [lost, setLost] = useState<string | null>(null);
  const demoClock = useDemoClock();

  return (
    <div className="space-y-6">
      <Section title="Demo clock" id="clock-title">
        <p className="max-w-3xl text-slate-700">
          Moves the server&apos;s <em>auth</em> clock forward so expiry can be shown in class: access tokens, refresh tokens and sessions expire as if it were later. Password hashing and login rate limits always run on real time, so the demo clock can never shorten a lockout. The header shows it whenever it is not real time.
        </p>
        <DemoClockControls demoClock={demoClock} />
      </Section>

      <Section title="Settings" id="settings-title">
        {access ? (
          <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950">
            <span aria-hidden="true">✓ </span>Changing settings as <strong>{describeAccess(access)}</strong>. Changes apply to the very next request on this server.
          </p>
        ) : (
          <div className="space-y-3 rounded border border-amber-400 bg-amber-50 p-4">
            <p className="font-medium text-amber-950">Only an admin can change these settings; you can read them below.</p>
            <p className="text-sm text-slate-800">
              {whoIsSignedIn(identities)} Everyone may read the settings (the lab shows them to learners), but changing them changes the lesson for the whole class, so the server accepts changes only from an admin credential.
            </p>
            {lost ? <p role="alert" className="text-sm font-medium text-red-800">{lost}</p> : null}
            <AdminSignIn
              onSignedIn={(next) => {
                setLost(null);
                setAccess(next);
              }}
            />
          </div>
        )}
        <SettingsForm
          access={access}
          onAccessLost={(reason) => {
            setAccess(null);
            setLost(reason);
          }}
        />
      </Section>

      <Section title="Signing keys" id="keys-title">
        <SigningKeysPanel access={access} />
      </Section>

      <Section title="A store outage" id="outage-title">
        <StoreFaultPanel access={access ?? pastTheOutage(unchecked)} labIsDefault={labIsDefault} />
      </Section>

      <Section title="Restart the memory store" id="memory-restart-title">
        <MemoryRestartPanel access={access} />
      </Section>

      <Section title="Reset this lab" id="reset-title">
        <p className="max-w-3xl text-slate-700">Between runs, or after a demo went sideways: one click puts this lab back to its first run. Other labs on the server are not touched.</p>
        <ResetDemoButton
          onReset={() => {
            // Every credential is gone, the in-memory admin token's user included: sign in again to change settings.
            setAccess(null);
            setLost(null);
            router.refresh();
          }}
        />
      </Section>

      <p className="text-sm">
        Teaching with the lab? <Link href="/tour" className="text-blue-800 underline">Start the guided tour</Link> · <Link href="/tour/quiz" className="text-blue-800 underline">Knowledge check</Link>
      </p>
    </div>
  );
}
