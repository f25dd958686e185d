"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { glossaryEntry, glossaryHref, type GlossaryId } from "@/lib/glossary";

/**
 * A term of the lesson, explained where it appears: press it (or hover, for the browser's own
 * tooltip) and its one-line definition opens in place, with a link to the glossary page. In place
 * rather than floating, so that it never covers the panes or widens a phone's page. In a sentence it
 * is as tall as the line (WCAG's inline exception); `standalone` (a table heading, a label) makes it
 * a 24 px target of its own.
 */
export function Term({ id, children, standalone = false }: { id: GlossaryId; children?: React.ReactNode; standalone?: boolean }) {
  const entry = glossaryEntry(id);
  const [open, setOpen] = useState(false);
  const definitionId = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={open ? definitionId : undefined}
        title={entry.definition}
        data-term={id}
        onClick={() => setOpen((value) => !value)}
        className={`cursor-help text-left underline decoration-dotted decoration-from-font underline-offset-2 hover:decoration-solid ${standalone ? "inline-flex min-h-6 min-w-6 items-center" : "inline"}`}
      >
        {children ?? entry.term}
      </button>
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
