"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { glossaryEntry, glossaryHref, type GlossaryId } from "@/lib/glossary";

/**
 * A term of the lesson, explained where it appears: press it (or hover, for the browser's own
 * tooltip) and its one-line definition opens in place, with a link to the glossary page. In place
 * rather than floating, so that it never covers the panes or widens a phone's page.
 *
 * A span with the button role rather than a <button>: a button is one unbreakable box, so a long
 * term would jump whole to the next line; this one wraps with the sentence it is part of, and is as
 * tall as that line (WCAG's inline exception). `standalone` (a table heading, a label on its own)
 * makes it a 24 px target instead.
 */
export function Term({ id, children, standalone = false }: { id: GlossaryId; children?: React.ReactNode; standalone?: boolean }) {
  const entry = glossaryEntry(id);
  const [open, setOpen] = useState(false);
  const definitionId = useId();
  const toggle = () => setOpen((value) => !value);
  return (
    <>
      <span
        role="button"
        tabIndex={0}
        aria-expanded={open}
        aria-controls={open ? definitionId : undefined}
        title={entry.definition}
        data-term={id}
        onClick={toggle}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            toggle();
          }
        }}
        className={`cursor-help underline decoration-dotted decoration-from-font underline-offset-2 hover:decoration-solid ${standalone ? "inline-flex min-h-6 min-w-6 items-center" : ""}`}
      >
        {children ?? entry.term}
      </span>
      {/* Rendered only while open, so a closed term adds nothing to the text around it. */}
      {open ? (
        <span id={definitionId} role="note" className="my-1 block rounded border border-sky-200 bg-sky-50 px-2 py-1 text-left text-xs font-normal normal-case tracking-normal text-slate-800">
          <strong className="font-semibold">{entry.term}:</strong> {entry.definition}{" "}
          {entry.implementedBy ? <span className="text-slate-600">(In AuthLab: {entry.implementedBy}.) </span> : null}
          <Link href={glossaryHref(id)} className="text-blue-800 underline">
            Glossary
          </Link>
        </span>
      ) : null}
    </>
  );
}
