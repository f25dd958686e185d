"use client";

import { useId, useState } from "react";
import { parseJsonObject, safeStringify, type JsonObject } from "@/lib/workbench/json";
import { generateSigningKeyPair, signToken, type GeneratedKeyPair, type SigningAlgorithm, type SigningChoice } from "@/lib/workbench/sign";
import { ColouredToken } from "./coloured-token";
import { JsonEditor } from "./json-editor";
import type { KeyDraft } from "./key-draft";
import { KeyPairView } from "./key-pair-view";
import { SendToAuthLab } from "./send-to-authlab";
import { choiceInput, PART_COLOURS, primaryButton, secondaryButton, textField } from "./styles";

const ALGS: { value: SigningAlgorithm; label: string; expect: string }[] = [
  { value: "HS256", label: "HS256 with a secret you type", expect: "AuthLab checks HS256 with its own secret, not yours: the signature cannot match." },
  { value: "ES256", label: "ES256 with a key pair made here", expect: "AuthLab accepts one algorithm only, with its own key: a token signed with your key cannot pass." },
  { value: "EdDSA", label: "EdDSA (Ed25519) with a key pair made here", expect: "Same as ES256: the algorithm, and above all the key, are the server's choice." },
  { value: "none", label: "alg: none — no signature", expect: "The oldest JWT attack: “trust me, no signature needed”. The server pins its algorithm." },
];

interface Signed {
  token: string;
  alg: SigningAlgorithm;
  /** What to put in the verifier to check it, when the learner asks. */
  verifyWith: Partial<KeyDraft> | null;
}

/**
 * Step four: edit header and payload, sign with a key of the learner's own, send it to AuthLab.
 * A validly signed token is easy to make; one signed with the *server's* key is not.
 */
export function ResignPanel({ source, onUseAbove }: { source: { header: JsonObject | null; payload: JsonObject | null } | null; onUseAbove: (token: string, key: Partial<KeyDraft> | null) => void }) {
  const id = useId();
  const [headerText, setHeaderText] = useState("");
  const [payloadText, setPayloadText] = useState("");
  const [alg, setAlg] = useState<SigningAlgorithm>("HS256");
  const [secret, setSecret] = useState("");
  const [pairs, setPairs] = useState<Partial<Record<"ES256" | "EdDSA", GeneratedKeyPair>>>({});
  const [signed, setSigned] = useState<Signed | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function startFromAbove() {
    if (!source) return;
    setHeaderText(safeStringify(source.header ?? { alg: "HS256", typ: "at+jwt" }, 2));
    setPayloadText(safeStringify(source.payload ?? {}, 2));
    setSigned(null);
    setProblem(null);
  }

  function makeAdmin() {
    const parsed = parseJsonObject(payloadText, "payload");
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setPayloadText(safeStringify({ ...parsed.value, role: "admin" }, 2));
    setProblem(null);
  }

  async function newPair(which: "ES256" | "EdDSA"): Promise<GeneratedKeyPair> {
    const pair = await generateSigningKeyPair(which);
    setPairs((current) => ({ ...current, [which]: pair }));
    return pair;
  }

  async function sign() {
    setProblem(null);
    const header = parseJsonObject(headerText, "header");
    const payload = parseJsonObject(payloadText, "payload");
    if (!header.ok) {
      setProblem(header.message);
      return;
    }
    if (!payload.ok) {
      setProblem(payload.message);
      return;
    }
    setBusy(true);
    let choice: SigningChoice;
    let verifyWith: Partial<KeyDraft> | null = null;
    if (alg === "HS256") {
      choice = { alg, secret };
      verifyWith = { mode: "secret", secret, secretIsBase64Url: false };
    } else if (alg === "none") {
      choice = { alg };
    } else {
      const pair = pairs[alg] ?? (await newPair(alg));
      choice = { alg, privateKey: pair.privateKey };
      verifyWith = { mode: "public-key", publicKeyText: safeStringify(pair.publicJwk, 2), publicAlg: alg };
    }
    const result = await signToken(header.value, payload.value, choice);
    setBusy(false);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setHeaderText(safeStringify(result.header, 2));
    setSigned({ token: result.token, alg, verifyWith });
  }

  const pair = alg === "ES256" || alg === "EdDSA" ? pairs[alg] : undefined;
  const payloadParsed = parseJsonObject(payloadText, "payload");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={startFromAbove} disabled={!source} className={secondaryButton}>
          Copy header and payload from the token above
        </button>
        <button type="button" onClick={makeAdmin} disabled={!payloadParsed.ok} className={secondaryButton}>
          Make it admin (role: admin)
        </button>
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <JsonEditor label="Header (JSON)" what="header" value={headerText} onChange={setHeaderText} colour={PART_COLOURS.header.editor} />
        <JsonEditor label="Payload (JSON)" what="payload" value={payloadText} onChange={setPayloadText} colour={PART_COLOURS.payload.editor} />
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">Sign it with</legend>
        <div className="grid gap-2 md:grid-cols-2">
          {ALGS.map((option) => (
            <label key={option.value} className="flex items-start gap-2 rounded border border-slate-200 p-2 text-sm">
              <input type="radio" name={`${id}-alg`} value={option.value} checked={alg === option.value} onChange={() => setAlg(option.value)} className={choiceInput} />
              <span>
                <span className="font-medium">{option.label}</span>
                <span className="block text-slate-600">{option.expect}</span>
              </span>
            </label>
          ))}
        </div>
        {alg === "HS256" ? (
          <div className="space-y-1">
            <label htmlFor={`${id}-secret`} className="block text-sm font-medium">
              Your signing secret
            </label>
            <input id={`${id}-secret`} type="text" value={secret} onChange={(event) => setSecret(event.target.value)} spellCheck={false} autoComplete="off" autoCapitalize="off" className={textField} />
            <p className="text-sm text-slate-600">Used here to compute the HMAC; never sent. The header&apos;s alg is set to what you choose.</p>
          </div>
        ) : null}
        {alg === "ES256" || alg === "EdDSA" ? (
          <div className="space-y-2">
            <button type="button" onClick={() => void newPair(alg)} className={secondaryButton}>
              {pair ? "Make a new key pair" : "Make a key pair"}
            </button>
            {pair ? <KeyPairView pair={pair} /> : <p className="text-sm text-slate-600">One is made when you sign, if you have none yet.</p>}
          </div>
        ) : null}
      </fieldset>
      <button type="button" onClick={() => void sign()} disabled={busy} className={primaryButton}>
        Sign
      </button>
      {problem ? (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      ) : null}
      {signed ? (
        <section aria-label="Signed token" className="space-y-3 rounded border border-slate-200 p-3">
          <p className="text-sm font-medium">Your token, signed with {signed.alg === "none" ? "nothing (alg: none)" : `your own ${signed.alg} key`}:</p>
          <ColouredToken token={signed.token} label="Your signed token" />
          <button type="button" onClick={() => onUseAbove(signed.token, signed.verifyWith)} className={secondaryButton}>
            Decode and verify it above
          </button>
          <SendToAuthLab token={signed.token} name="AuthLab's answer to your token" />
        </section>
      ) : null}
    </div>
  );
}
