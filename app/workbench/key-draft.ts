import type { PublicKeyAlgorithm } from "@/lib/workbench/authlab-profile";
import type { VerificationKeyInput } from "@/lib/workbench/keys";

/** What the learner has typed or chosen as the verification key; it lives in this tab's memory only. */
export type KeyMode = "secret" | "public-key" | "jwks";

export interface KeyDraft {
  mode: KeyMode;
  secret: string;
  secretIsBase64Url: boolean;
  publicKeyText: string;
  publicAlg: PublicKeyAlgorithm;
  /** This server's JWKS once fetched. */
  jwks: unknown;
}

export const EMPTY_KEY_DRAFT: KeyDraft = { mode: "secret", secret: "", secretIsBase64Url: false, publicKeyText: "", publicAlg: "ES256", jwks: null };

export function keyInputOf(draft: KeyDraft): VerificationKeyInput | null {
  if (draft.mode === "secret") return { kind: "secret", secret: draft.secret, encoding: draft.secretIsBase64Url ? "base64url" : "text" };
  if (draft.mode === "public-key") return { kind: "public-key", text: draft.publicKeyText, alg: draft.publicAlg };
  return draft.jwks === null ? null : { kind: "jwks", jwks: draft.jwks };
}
