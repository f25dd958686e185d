"use client";

import { useId, useState } from "react";
import { authNowMs, type AuthClock } from "@/lib/workbench/auth-clock";
import { AUTHLAB_VERIFY_PROFILE } from "@/lib/workbench/authlab-profile";
import { verifyToken, type VerifyReport } from "@/lib/workbench/verify";
import { keyInputOf, type KeyDraft } from "./key-draft";
import { KeyFields } from "./key-fields";
import { choiceInput, primaryButton } from "./styles";
import { offsetText } from "./time-value";
import { VerifyResult } from "./verify-result";

interface Checked {
  report: VerifyReport;
  /** The inputs it was computed from: a result is shown only while they are unchanged. */
  token: string;
  draft: KeyDraft;
}

/**
 * Step three: verify with a key the learner supplies, in the browser. The clock the claims are
 * judged by and its tolerance are on screen, because "expired" depends on both.
 */
export function VerifyPanel({ token, tokenAlg, draft, onDraftChange, clock }: { token: string | null; tokenAlg: unknown; draft: KeyDraft; onDraftChange: (draft: KeyDraft) => void; clock: AuthClock | null }) {
  const id = useId();
  const [preferAuthClock, setPreferAuthClock] = useState(true);
  const [toleranceText, setToleranceText] = useState(String(AUTHLAB_VERIFY_PROFILE.clockToleranceSeconds));
  const [profile, setProfile] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onAuthClock = preferAuthClock && clock !== null;

  async function verify() {
    setProblem(null);
    if (!token) {
      setProblem("Paste a token above first.");
      return;
    }
    const keyInput = keyInputOf(draft);
    if (!keyInput) {
      setProblem("Fetch this server's JWKS first.");
      return;
    }
    const tolerance = Number(toleranceText);
    const now = Date.now();
    setBusy(true);
    const report = await verifyToken(token, keyInput, {
      currentDate: new Date(onAuthClock ? authNowMs(clock, now) : now),
      clockToleranceSeconds: toleranceText.trim() === "" ? Number.NaN : tolerance,
      authlabProfile: profile,
    });
    setBusy(false);
    setChecked({ report, token, draft });
  }

  const current = checked && checked.token === token && checked.draft === draft ? checked.report : null;
  return (
    <div className="space-y-4">
      <p className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">
        <strong>Your key stays in this browser.</strong> Verifying runs in this page (WebCrypto, through the jose library): nothing typed in this section is sent to
        any server, and it is gone when you close the tab.
      </p>
      <KeyFields draft={draft} onChange={onDraftChange} tokenAlg={tokenAlg} />
      <fieldset className="space-y-2">
        <legend className="font-medium">Judge exp and nbf by</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name={`${id}-clock`} checked={!onAuthClock} onChange={() => setPreferAuthClock(false)} className={choiceInput} />
          <span>This device&apos;s clock</span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name={`${id}-clock`} checked={onAuthClock} disabled={clock === null} onChange={() => setPreferAuthClock(true)} className={choiceInput} />
          <span>
            AuthLab&apos;s auth clock {clock ? `(${offsetText(clock.offsetMs)})` : "— not available: this server runs no demo clock"}
          </span>
        </label>
        <label className="flex flex-wrap items-center gap-2 text-sm">
          Clock tolerance
          <input type="number" min={0} step={1} value={toleranceText} onChange={(event) => setToleranceText(event.target.value)} className="min-h-9 w-24 rounded border border-slate-400 px-2" />
          seconds <span className="text-slate-600">(slack for clocks that disagree a little; AuthLab&apos;s server allows {AUTHLAB_VERIFY_PROFILE.clockToleranceSeconds})</span>
        </label>
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={profile} onChange={(event) => setProfile(event.target.checked)} className={choiceInput} />
        <span>
          Check as AuthLab&apos;s server does: iss {AUTHLAB_VERIFY_PROFILE.issuer}, aud {AUTHLAB_VERIFY_PROFILE.audience}, typ {AUTHLAB_VERIFY_PROFILE.typ}, at most a day
          old, sub and jti present
        </span>
      </label>
      <button type="button" onClick={() => void verify()} disabled={busy} className={primaryButton}>
        Verify in this browser
      </button>
      {problem ? (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      <div role="status" aria-label="Verification result">
        {current ? <VerifyResult report={current} /> : null}
      </div>
    </div>
  );
}
