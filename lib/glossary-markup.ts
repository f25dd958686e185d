import { isGlossaryId, type GlossaryId } from "./glossary";

/** A run of text, linked to a glossary term or not. */
export type TermSegment = { text: string; term?: GlossaryId };

const MARKER = /\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]/g;

/**
 * Text the lab writes itself marks its terms explicitly: "the server checks the [[denylist]]" or
 * "[[seal|sealed]] token". An unknown id is shown as its plain words, never as brackets.
 */
export function parseTermMarkup(text: string): TermSegment[] {
  const segments: TermSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const [whole, id = "", shown] = match;
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    const words = shown ?? id.replace(/-/g, " ");
    segments.push(isGlossaryId(id) ? { text: words, term: id } : { text: words });
    last = match.index + whole.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** The words a learner reads, markers removed (for labels and comparisons). */
export function plainWords(text: string): string {
  return parseTermMarkup(text)
    .map((s) => s.text)
    .join("");
}

/**
 * Phrases that are glossary terms wherever they appear in text the lab did not write itself (the
 * scenario catalog, verdicts, the server's notes). Longest first, so "refresh family" wins over
 * "refresh token"; matched on word boundaries.
 */
const PHRASES: [RegExp, GlossaryId][] = [
  [/\brefresh[- ]token famil(?:y|ies)\b|\brefresh famil(?:y|ies)\b/i, "refresh-family"],
  [/\bdenylist\b/i, "denylist"],
  [/\bgrace window\b/i, "grace-window"],
  [/\borigin check\b/i, "origin-check"],
  [/\bdemo clock\b/i, "demo-clock"],
  [/\bidle timeout\b/i, "idle-timeout"],
  [/\babsolute (?:timeout|lifetime)\b/i, "absolute-timeout"],
  [/\bHttpOnly\b/, "httponly"],
  [/\bSameSite\b/, "samesite"],
  [/\bCORS\b/, "cors-preflight"],
  [/\bXSS\b/, "xss"],
  [/\bJWKS\b/, "jwks"],
  [/\bAuthorization header\b/i, "bearer"],
  [/\bseal\b/i, "seal"],
  [/\bHMAC\b/, "hmac"],
  [/\balg: none\b/, "alg-none"],
  [/\bsession fixation\b/i, "fixation"],
  [/\bcross-site\b/i, "csrf"],
  [/\bjti\b/, "jti"],
  [/\bexp\b/, "exp"],
  [/\brefresh token\b/i, "refresh-token"],
  [/\baccess token\b/i, "access-token"],
];

/** Links the first occurrence of each known phrase in `text` to its glossary term. */
export function autoTerms(text: string): TermSegment[] {
  const found: { start: number; end: number; term: GlossaryId }[] = [];
  for (const [pattern, term] of PHRASES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const start = match.index;
    const end = start + match[0].length;
    if (found.some((f) => start < f.end && end > f.start)) continue;
    found.push({ start, end, term });
  }
  found.sort((a, b) => a.start - b.start);
  const segments: TermSegment[] = [];
  let last = 0;
  for (const f of found) {
    if (f.start > last) segments.push({ text: text.slice(last, f.start) });
    segments.push({ text: text.slice(f.start, f.end), term: f.term });
    last = f.end;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}
