"use client";

import { useMemo, useState } from "react";
import { decodeIronSeal } from "@/lib/workbench/iron-seal";
import { textField } from "./styles";
import { useNow } from "./use-now";

/**
 * The session cookie, for contrast: an iron seal. Its parts can be named, but the content is
 * ciphertext under a key only the server can derive. The page cannot read the HttpOnly cookie
 * either, so the learner pastes it from the browser's developer tools.
 */
export function SealInspector() {
  const [input, setInput] = useState("");
  const now = useNow(10_000);
  const decoded = useMemo(() => (input.trim() === "" ? null : decodeIronSeal(input, now)), [input, now]);
  return (
    <div className="space-y-3">
      <p className="text-sm">
        The Session pane&apos;s cookie, <code>__Host-session</code>, is HttpOnly too: no page script can read it. Open your browser&apos;s developer tools (Application
        → Cookies), copy its value after logging in on the Session pane, and paste it here.
      </p>
      <label htmlFor="wb-seal" className="block font-medium">
        Session cookie value
      </label>
      <textarea id="wb-seal" value={input} onChange={(event) => setInput(event.target.value)} rows={3} spellCheck={false} autoComplete="off" placeholder="Fe26.2*1*…~2" className={`${textField} break-all`} />
      {decoded && !decoded.ok ? (
        <p role="alert" className="text-sm text-red-800">
          {decoded.message}
        </p>
      ) : null}
      {decoded?.ok ? (
        <div className="space-y-3" aria-label="The seal taken apart" role="group">
          {decoded.notes.length > 0 ? <p className="text-sm text-slate-700">{decoded.notes.join(" ")}</p> : null}
          <dl className="divide-y divide-slate-200 rounded border border-slate-200 text-sm">
            {decoded.parts.map((part) => (
              <div key={part.name} data-seal-part={part.name} className={`p-2 ${part.name === "ciphertext" ? "bg-slate-100" : ""}`}>
                <dt className="font-semibold">{part.label}</dt>
                <dd className="font-mono break-all">{part.value === "" ? "(empty)" : part.value}</dd>
                <dd className="text-slate-700">{part.meaning}</dd>
                {part.problem ? <dd className="font-semibold text-red-800">Not what a real seal holds: {part.problem}</dd> : null}
              </div>
            ))}
          </dl>
          <div role="status" aria-label="What a client can learn from this seal" className="space-y-1 rounded border-l-4 border-teal-600 bg-teal-50 p-3 text-sm">
            <p className="font-semibold">What this page could learn from the seal: almost nothing.</p>
            <ul className="list-disc space-y-0.5 pl-5">
              <li>Which of the server&apos;s passwords sealed it (an id, not the password).</li>
              <li>
                When it expires:{" "}
                {decoded.expiration ? (
                  <>
                    <time dateTime={decoded.expiration.iso}>{decoded.expiration.local}</time> ({decoded.expiration.passed ? `expired ${decoded.expiration.relativeToNow}` : decoded.expiration.relativeToNow})
                  </>
                ) : (
                  "no expiry written"
                )}
                .
              </li>
              <li>Roughly how long the content is: {decoded.ciphertextBytes ?? "?"} bytes of ciphertext.</li>
            </ul>
            <p>
              Nothing else. The content is AES-256-CBC encrypted under a key the server derives (PBKDF2) from its password and the salt; the password never leaves the
              server. Unlike a JWT there are no claims to read — and inside there are none anyway: only a random token whose SHA-256 names the session record the server
              keeps. Who you are and your role live in that record, on the server, read again on every request.
            </p>
            {!decoded.wellFormed ? <p className="font-semibold text-red-800">Some parts are not what a real seal holds: the server would refuse it and treat you as signed out.</p> : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
