import { decodeBase64Url } from "./base64url";
import { describeTime, type TimeDescription } from "./times";

/**
 * An AuthLab session cookie, taken apart as far as a client can. iron-session seals it in the
 * "iron" format (iron-webcrypto, via iron-session 8):
 *
 *   Fe26.2*<passwordId>*<encryptionSalt>*<iv>*<ciphertext>*<expiration>*<hmacSalt>*<hmac>~<version>
 *
 * Everything but the ciphertext is readable, and none of it says anything about the user: the
 * content is AES-256-CBC under a key derived from a password only the server has, and the HMAC
 * over the first six parts makes any change detectable. Nothing here needs, or could use, a key.
 */
export const MAX_SEAL_INPUT_CHARS = 8192;

const HEX_256_BITS = /^[0-9a-f]{64}$/;

export interface SealPart {
  /** Stable name (for tests and the page's labels). */
  name: "prefix" | "passwordId" | "encryptionSalt" | "iv" | "ciphertext" | "expiration" | "hmacSalt" | "hmac" | "version";
  label: string;
  value: string;
  /** What it is and what a client can learn from it. */
  meaning: string;
  /** Set when the part is not what a genuine seal holds. */
  problem: string | null;
}

export type SealDecode =
  | { ok: false; message: string }
  | {
      ok: true;
      parts: SealPart[];
      /** Bytes of ciphertext: the one thing it reveals about the content is roughly its length. */
      ciphertextBytes: number | null;
      expiration: (TimeDescription & { ms: number; passed: boolean }) | null;
      /** True when every part has the shape a real seal has (it still proves nothing without the password). */
      wellFormed: boolean;
      notes: string[];
    };

function cleanInput(input: string): { value: string; notes: string[] } {
  const notes: string[] = [];
  let value = input.trim();
  if (/%[0-9A-Fa-f]{2}/.test(value)) {
    try {
      value = decodeURIComponent(value);
      notes.push("Percent-decoded it (cookie values are often URL-encoded).");
    } catch {
      // Not valid percent-encoding: leave it, the part checks below say what is wrong.
    }
  }
  // Copied from devtools as "__Host-session=Fe26…" or a whole Cookie header: keep only the seal.
  const at = value.indexOf("Fe26.");
  if (at > 0) {
    value = value.slice(at).split(/[;\s]/)[0] ?? "";
    notes.push("Took the seal out of what you pasted (from “Fe26.” to the next “;” or space).");
  }
  return { value, notes };
}

/**
 * Takes a pasted session cookie apart. Never throws; says what does not look like a seal.
 *
 * @example
 * const seal = decodeIronSeal("Fe26.2*1*…~2", Date.now());
 * if (seal.ok) seal.parts.find((p) => p.name === "ciphertext")?.value;
 */
export function decodeIronSeal(input: string, nowMs: number, format: { locale?: string; timeZone?: string } = {}): SealDecode {
  if (input.length > MAX_SEAL_INPUT_CHARS) return { ok: false, message: `That is ${input.length.toLocaleString("en")} characters; a session cookie is at most 4 KiB (the workbench reads up to ${MAX_SEAL_INPUT_CHARS.toLocaleString("en")}).` };
  const { value, notes } = cleanInput(input);
  if (value === "") return { ok: false, message: "Paste the value of the __Host-session cookie to take it apart." };
  if (!value.startsWith("Fe26.")) {
    const looksJwt = value.split(".").length === 3 && value.startsWith("eyJ");
    return { ok: false, message: looksJwt ? "This is a JWT, not an iron seal: paste it in the token box above." : "An iron seal starts with “Fe26.2*”. This does not: it is not an AuthLab session cookie." };
  }
  const [sealPart = "", version, ...extra] = value.split("~");
  const fields = sealPart.split("*");
  if (fields.length !== 8) return { ok: false, message: `An iron seal has 8 parts separated by “*”; this has ${fields.length}. iron-session refuses it (“Incorrect number of sealed components”) and AuthLab treats the request as signed out.` };
  const [prefix = "", passwordId = "", encryptionSalt = "", iv = "", ciphertext = "", expiration = "", hmacSalt = "", hmac = ""] = fields;

  const ivBytes = decodeBase64Url(iv);
  const cipherBytes = decodeBase64Url(ciphertext);
  const hmacBytes = decodeBase64Url(hmac);
  const expirationMs = /^\d+$/.test(expiration) ? Number(expiration) : null;
  const expirationOk = expirationMs !== null && expirationMs <= 8.64e15;

  const parts: SealPart[] = [
    { name: "prefix", label: "Format", value: prefix, meaning: "“Fe26” is iron's magic word and “.2” its format version. Says how to read the rest, nothing more.", problem: prefix === "Fe26.2" ? null : "Only Fe26.2 exists; any other prefix is refused." },
    { name: "passwordId", label: "Password id", value: passwordId, meaning: "Which of the server's passwords sealed it, so the server can rotate passwords and still open older seals. An id, not the password: it is worthless without the server's configuration.", problem: passwordId === "" || /^\w+$/.test(passwordId) ? null : "A password id is letters, digits or _." },
    { name: "encryptionSalt", label: "Encryption salt", value: encryptionSalt, meaning: "256 random bits, fresh for every seal. The server runs PBKDF2 over its password and this salt to get the AES-256 key. Public on purpose: without the password it gives nothing.", problem: HEX_256_BITS.test(encryptionSalt) ? null : "Expected 64 hex characters (256 bits)." },
    { name: "iv", label: "IV (initialisation vector)", value: iv, meaning: "16 random bytes that make AES-CBC encrypt the same content differently each time. Public by design.", problem: ivBytes?.length === 16 ? null : "Expected 16 bytes of base64url." },
    {
      name: "ciphertext",
      label: "Ciphertext (the sealed content)",
      value: ciphertext,
      meaning: "The content, AES-256-CBC encrypted. Without the key it is indistinguishable from random bytes: all a client can learn is its length, rounded up to 16 bytes. (Inside AuthLab's: only a random session token and the store's name — not the user, not the role.)",
      problem: cipherBytes && cipherBytes.length > 0 && cipherBytes.length % 16 === 0 ? null : "AES-CBC output is a non-empty multiple of 16 bytes of base64url.",
    },
    {
      name: "expiration",
      label: "Expiration",
      value: expiration,
      meaning: "When the seal itself stops being accepted, in milliseconds since 1970 — readable, but covered by the HMAC, so a client cannot extend it. Empty means no expiry. AuthLab also enforces idle and absolute timeouts in its session record on the server.",
      problem: expiration === "" || expirationOk ? null : "Expected digits (milliseconds since 1970) or nothing.",
    },
    { name: "hmacSalt", label: "Integrity salt", value: hmacSalt, meaning: "A second 256-bit salt, for deriving the HMAC key from the same password.", problem: HEX_256_BITS.test(hmacSalt) ? null : "Expected 64 hex characters (256 bits)." },
    { name: "hmac", label: "HMAC-SHA256", value: hmac, meaning: "A keyed checksum over the six parts before it. Change one character anywhere and it no longer matches: the server refuses the seal (AuthLab: 401 SESSION_INVALID, cookie cleared). Nobody can recompute it without the password.", problem: hmacBytes?.length === 32 ? null : "Expected 32 bytes of base64url." },
    { name: "version", label: "iron-session version", value: version ?? "", meaning: "Added by iron-session after “~”: the layout of the sealed content (2 = the object itself).", problem: version === "2" && extra.length === 0 ? null : version === undefined ? "No “~2” suffix: iron-session would read it as an old (v1) seal." : "iron-session 8 writes “~2”." },
  ];

  return {
    ok: true,
    parts,
    ciphertextBytes: cipherBytes?.length ?? null,
    expiration: expirationOk && expirationMs !== null ? { ...describeTime(expirationMs, nowMs, null, format), ms: expirationMs, passed: expirationMs <= nowMs } : null,
    wellFormed: parts.every((p) => p.problem === null),
    notes,
  };
}
