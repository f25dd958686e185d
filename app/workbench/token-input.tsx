"use client";

import { useState } from "react";
import { TOKEN_EXAMPLES, type TokenExample } from "@/lib/workbench/examples";
import { takePaneToken, type PaneToken } from "./pane-token";
import { primaryButton, secondaryButton, textField } from "./styles";
import { fetchFreshAliceToken } from "./workbench-api";

type Said = { tone: "info" | "problem"; text: string } | null;

/**
 * Where a token comes from: pasted, taken from the lab's JWT pane when a script may read it, a
 * fresh one for alice, or one of the examples (each with the key that verifies it).
 */
export function TokenInput({ value, onChange, onExample }: { value: string; onChange: (token: string) => void; onExample: (example: TokenExample) => void }) {
  const [said, setSaid] = useState<Said>(null);
  const [httpOnly, setHttpOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [exampleId, setExampleId] = useState(TOKEN_EXAMPLES[0]?.id ?? "");

  async function takeFromPane() {
    setBusy(true);
    const answer: PaneToken = await takePaneToken();
    setBusy(false);
    setHttpOnly(answer.kind === "http-only");
    if (answer.kind === "token") {
      onChange(answer.token);
      setSaid({ tone: "info", text: answer.note });
    } else if (answer.kind === "http-only") {
      setSaid(null);
    } else {
      setSaid({ tone: "problem", text: answer.message });
    }
  }

  async function getFresh() {
    setBusy(true);
    const fresh = await fetchFreshAliceToken();
    setBusy(false);
    if (fresh.ok) {
      onChange(fresh.token);
      setSaid({ tone: "info", text: "A fresh access token for alice@example.com, from POST /api/auth/jwt/login?cookies=none: it came in the response body, and no cookie was set. It is valid for real on this server." });
    } else {
      setSaid({ tone: "problem", text: fresh.message });
    }
  }

  function loadExample() {
    const example = TOKEN_EXAMPLES.find((e) => e.id === exampleId);
    if (!example) return;
    onExample(example);
    setSaid({ tone: "info", text: `${example.title}: ${example.lesson}${example.key ? " Its key is now filled in under “Check the signature”." : ""}` });
  }

  return (
    <div className="space-y-3">
      <label htmlFor="wb-token" className="block font-medium">
        Token <span className="font-normal text-slate-600">(a JWT: header.payload.signature)</span>
      </label>
      {/* spellCheck off: a browser's enhanced spellcheck may send field text to a remote service. */}
      <textarea
        id="wb-token"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={4}
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        placeholder="eyJhbGciOi…"
        className={`${textField} break-all`}
      />
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={() => void takeFromPane()} disabled={busy} className={secondaryButton}>
          Take the JWT pane&apos;s token
        </button>
        <button type="button" onClick={() => void getFresh()} disabled={busy} className={secondaryButton}>
          Get a fresh token for alice
        </button>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <label className="grid gap-1 text-sm font-medium">
          Or try an example
          <select value={exampleId} onChange={(event) => setExampleId(event.target.value)} className="min-h-9 max-w-full rounded border border-slate-400 bg-white px-2 text-sm">
            {TOKEN_EXAMPLES.map((example) => (
              <option key={example.id} value={example.id}>
                {example.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={loadExample} className={primaryButton}>
          Load example
        </button>
      </div>
      {httpOnly ? (
        <div role="note" aria-label="Why this page cannot read the pane's token" className="rounded border-l-4 border-emerald-600 bg-emerald-50 p-3 text-sm">
          <p className="font-semibold">The JWT pane keeps its token in an HttpOnly cookie — so this page cannot read it.</p>
          <p className="mt-1">
            The browser attaches the <code>__Host-access</code> cookie to AuthLab&apos;s requests by itself, but no script on the page can read it: not this one, and not a
            script an attacker managed to inject. That is the whole point of HttpOnly, and why AuthLab has no route that would hand its value to a page. You can copy it
            from your browser&apos;s developer tools (Application → Cookies) and paste it above, or get a fresh token for alice, which comes in a response body instead.
          </p>
          <button type="button" onClick={() => void getFresh()} disabled={busy} className={`${primaryButton} mt-2`}>
            Get a fresh token for alice (no cookie)
          </button>
        </div>
      ) : null}
      <p role="status" aria-label="Where the token came from" className={`text-sm ${said?.tone === "problem" ? "text-red-800" : "text-slate-700"}`}>
        {said?.text ?? ""}
      </p>
    </div>
  );
}
