import type { GlossaryId } from "./glossary";

/**
 * The server names each step of its trace (`unseal`, `jwt-verify`, …) and labels it in its own
 * words, library names included ("Verify signature and claims (jose jwtVerify)"). The lab shows
 * plain words instead, with the glossary term that explains the step and the library only beside
 * them. Client-safe: the names are the contract, the server's labels only fill in details such as
 * which store was asked.
 */
export interface StepWords {
  text: string;
  term: GlossaryId;
  /** The library doing the work, shown in brackets after the plain words. */
  library?: string;
}

interface StepRule {
  term: GlossaryId;
  /** Plain words; `label` is the server's own label, for the details it carries (the store, the algorithm). */
  text?: (label: string) => string;
  library?: string;
}

/** "Look the session up in the redis store" → "redis". */
function storeIn(label: string): string | null {
  return /\b(?:in|from) the (\w+) store\b/.exec(label)?.[1] ?? null;
}

function inStore(label: string, fallback: string): string {
  const store = storeIn(label);
  return store ? `${fallback} in the ${store} store` : fallback;
}

const RULES: Record<string, StepRule> = {
  "read-credential": { term: "credential" },
  unseal: { term: "unseal", text: () => "Open the sealed cookie and check that nobody changed it", library: "iron-session" },
  seal: { term: "seal", text: () => "Seal the token into the cookie: encrypted and signed", library: "iron-session" },
  "session-lookup": { term: "session-store", text: (label) => inStore(label, "Look the session up") },
  "session-create": { term: "token-hash", text: (label) => inStore(label, "Store the session record under the token's fingerprint (SHA-256)") },
  "session-touch": { term: "idle-timeout", text: () => "Push the idle timeout back (it slides with every request)" },
  "expiry-check": { term: "idle-timeout", text: () => "Check the idle and absolute timeouts" },
  "session-delete": { term: "session-store" },
  "session-delete-all": { term: "session-store" },
  "session-cap": { term: "session-store", text: () => "Keep the lab's sessions under its cap: the oldest end first" },
  "fixation-defence": { term: "fixation", text: () => "Delete the session this browser had before logging in" },
  "user-lookup": { term: "store-query" },
  "jwt-verify": { term: "jwt-verify", text: () => "Check the token's signature and claims", library: "jose jwtVerify" },
  "jwt-sign": {
    term: "signature",
    text: (label) => {
      const alg = /\((\w+)\)/.exec(label)?.[1];
      return alg ? `Sign a new access token (${alg})` : "Sign a new access token";
    },
  },
  "denylist-check": { term: "denylist", text: () => "Look the token's id (jti) up in the denylist" },
  "denylist-add": {
    term: "denylist",
    text: (label) => (/every token/i.test(label) ? "Put every token of the user issued before now on the denylist" : "Put the token's id (jti) on the denylist until it expires"),
  },
  "refresh-rotate": { term: "rotation", text: () => "Spend the refresh token and issue the next one" },
  "refresh-family-create": { term: "refresh-family", text: () => "Start a refresh family for this login" },
  "refresh-family-revoke": { term: "refresh-family", text: () => "Revoke the refresh family" },
  "refresh-family-revoke-all": { term: "refresh-family", text: () => "Revoke every refresh family of the user" },
  // Marked by the route when a store was down outside any step of its own.
  "store-unavailable": { term: "store-query", text: () => "A store the request needed" },
  "memory-restart": { term: "session-store", text: () => "Empty this lab's sessions in this process's memory, as a restart would" },
};

/** The step names the lab has plain words for (a test keeps them in step with the server's). */
export const KNOWN_STEP_NAMES: readonly string[] = Object.keys(RULES);

/** Plain words for one trace step, or null for a step the lab does not know (it then shows the server's label). */
export function stepWords(step: { name: string; label: string }): StepWords | null {
  const rule = RULES[step.name];
  if (!rule) return null;
  const words: StepWords = { text: rule.text ? rule.text(step.label) : step.label, term: rule.term };
  if (rule.library) words.library = rule.library;
  return words;
}

/**
 * A step's detail in plain words where the server's wording is jargon: the notes that say the
 * cryptography was skipped because this instance had already done it.
 */
export function stepDetailWords(step: { name: string; detail?: string }): { text: string; term?: GlossaryId } | null {
  if (!step.detail) return null;
  if (/\bcached\b/i.test(step.detail)) {
    if (step.name === "jwt-verify") return { text: "signature checked before by this server and remembered, so not recomputed; the expiry is checked again now", term: "cached-verification" };
    if (step.name === "unseal") return { text: "opened before by this server and remembered, so not decrypted again; the store lookup below always runs", term: "cached-verification" };
  }
  return { text: step.detail };
}
