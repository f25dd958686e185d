import { autoTerms, parseTermMarkup, type TermSegment } from "@/lib/glossary-markup";
import { Term } from "./term";

function Segments({ segments }: { segments: TermSegment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.term ? (
          <Term key={i} id={segment.term}>
            {segment.text}
          </Term>
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
    </>
  );
}

/** The lab's own text with its [[term]] markers linked to the glossary. */
export function RichText({ text }: { text: string }) {
  return <Segments segments={parseTermMarkup(text)} />;
}

/** Text from elsewhere (the scenario catalog, verdicts, the server's notes) with its known terms linked. */
export function LinkedTerms({ text }: { text: string }) {
  return <Segments segments={autoTerms(text)} />;
}
