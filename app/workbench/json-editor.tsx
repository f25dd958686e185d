"use client";

import { useId } from "react";
import { parseJsonObject } from "@/lib/workbench/json";
import { textField } from "./styles";

/** A JSON object editor that says, as you type, whether and where the JSON is broken. */
export function JsonEditor({ label, what, value, onChange, colour }: { label: string; what: string; value: string; onChange: (text: string) => void; colour: string }) {
  const id = useId();
  const parsed = value.trim() === "" ? null : parseJsonObject(value, what);
  const problem = parsed && !parsed.ok ? parsed.message : null;
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={9}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={`${id}-problem`}
        className={`${textField} ${colour}`}
      />
      <p id={`${id}-problem`} aria-live="polite" className="min-h-5 text-sm text-red-800">
        {problem ?? ""}
      </p>
    </div>
  );
}
