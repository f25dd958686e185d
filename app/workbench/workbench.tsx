"use client";

import { useMemo, useState } from "react";
import { decodeToken } from "@/lib/workbench/decode";
import type { TokenExample } from "@/lib/workbench/examples";
import { tokenWarnings } from "@/lib/workbench/warnings";
import { DecodedToken } from "./decoded-token";
import { EMPTY_KEY_DRAFT, type KeyDraft } from "./key-draft";
import { ResignPanel } from "./resign-panel";
import { SealInspector } from "./seal-inspector";
import { SendToAuthLab } from "./send-to-authlab";
import { sectionBox, sectionTitle } from "./styles";
import { setWorkbenchLab } from "./workbench-api";
import { TokenInput } from "./token-input";
import { useAuthClock } from "./use-auth-clock";
import { useNow } from "./use-now";
import { VerifyPanel } from "./verify-panel";
import { WarningsList } from "./warnings-list";

function Section({ id, step, title, children }: { id: string; step: number; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className={sectionBox}>
      <h2 id={id} className={sectionTitle}>
        <span className="mr-2 font-mono text-slate-500">{step}</span>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The token workbench: one token travels through decode → warnings → verify → edit, re-sign and
 * send. Everything but "send" (and fetching this server's public keys) happens in the page.
 */
export function Workbench({ lab }: { lab: string | null }) {
  setWorkbenchLab(lab);
  const [tokenText, setTokenText] = useState("");
  const [keyDraft, setKeyDraft] = useState<KeyDraft>(EMPTY_KEY_DRAFT);
  const clock = useAuthClock();
  // Warnings such as "already expired" follow the clock, but need not re-render every second.
  const now = useNow(15_000);
  const decoded = useMemo(() => decodeToken(tokenText), [tokenText]);
  const header = decoded.ok ? decoded.header.json : null;
  const payload = decoded.ok ? decoded.payload.json : null;
  const warnings = useMemo(() => tokenWarnings(header, payload, { nowMs: now, expectPublicKey: keyDraft.mode !== "secret" }), [header, payload, now, keyDraft.mode]);

  function loadExample(example: TokenExample) {
    setTokenText(example.token);
    if (example.key?.kind === "secret") setKeyDraft({ ...keyDraft, mode: "secret", secret: example.key.secret, secretIsBase64Url: example.key.encoding === "base64url" });
    if (example.key?.kind === "public-key") setKeyDraft({ ...keyDraft, mode: "public-key", publicKeyText: example.key.text, publicAlg: example.key.alg });
  }

  function loadSigned(token: string, key: Partial<KeyDraft> | null) {
    setTokenText(token);
    if (key) setKeyDraft({ ...keyDraft, ...key });
    document.getElementById("wb-decoded-title")?.scrollIntoView({ block: "start" });
  }

  return (
    <div className="space-y-4">
      <Section id="wb-token-title" step={1} title="The token">
        <TokenInput value={tokenText} onChange={setTokenText} onExample={loadExample} />
      </Section>
      <Section id="wb-decoded-title" step={2} title="What is inside — readable by anyone">
        {decoded.ok ? (
          <>
            <DecodedToken decoded={decoded} clock={clock} />
            <WarningsList warnings={warnings} />
            <details className="text-sm">
              <summary className="min-h-6 cursor-pointer font-medium">Send this token to AuthLab as it is</summary>
              <div role="group" aria-label="Send the pasted token" className="mt-2">
                <SendToAuthLab token={decoded.token} name="AuthLab's answer to the pasted token" />
              </div>
            </details>
          </>
        ) : (
          <p role="status" aria-label="Decoding" className={`text-sm ${decoded.reason === "empty" ? "text-slate-700" : "font-semibold text-red-800"}`}>
            {decoded.message}
          </p>
        )}
      </Section>
      <Section id="wb-verify-title" step={3} title="Check the signature">
        <VerifyPanel token={decoded.ok ? decoded.token : null} tokenAlg={header?.alg} draft={keyDraft} onDraftChange={setKeyDraft} clock={clock} />
      </Section>
      <Section id="wb-resign-title" step={4} title="Change it, sign it with your own key, send it">
        <ResignPanel source={decoded.ok ? { header, payload } : null} onUseAbove={loadSigned} />
      </Section>
      <Section id="wb-seal-title" step={5} title="For contrast: a session cookie">
        <SealInspector />
      </Section>
    </div>
  );
}
