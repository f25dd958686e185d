import { compactVerify, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from "jose";
import { AUTHLAB_VERIFY_PROFILE } from "./authlab-profile";
import { decodeToken, MAX_TOKEN_INPUT_CHARS } from "./decode";
import { explainFailure } from "./explain";
import { prepareVerificationKey, type PreparedKey, type VerificationKeyInput } from "./keys";

/**
 * Verification in the page, with jose on WebCrypto: the key never leaves the browser. It runs in
 * the two steps jose itself takes — the signature (compactVerify), then the claims (jwtVerify) — so
 * the page can say "signature fine, but expired" as well as "forged".
 */
export interface VerifyOptions {
  /** The "now" that exp, nbf and iat are compared with (this device's clock, or AuthLab's demo clock). */
  currentDate: Date;
  clockToleranceSeconds: number;
  /** Also check what AuthLab's server pins: iss, aud, typ, maximum age and required claims. */
  authlabProfile: boolean;
}

export type StageResult = "passed" | "failed" | "not-reached";

export interface VerifyReport {
  ok: boolean;
  signature: StageResult;
  claims: StageResult;
  /** jose's error code (ERR_…), or the workbench's own (KEY_…, SECRET_…) when jose was never called. */
  code: string | null;
  /** jose's own message, verbatim. */
  joseMessage: string | null;
  /** The outcome in plain words. */
  explanation: string;
  /** Which claim failed, as jose reports it. */
  claim: string | null;
  /** What was checked, with which values, one line each. */
  checked: string[];
  /** Remarks about the key (short secret, private part ignored, empty JWKS). */
  keyNotes: string[];
  payload: JWTPayload | null;
}

function headerAlg(token: string): unknown {
  const decoded = decodeToken(token);
  return decoded.ok ? decoded.header.json?.alg : undefined;
}

function failure(error: unknown, stage: "signature" | "claims", token: string, base: Pick<VerifyReport, "checked" | "keyNotes">): VerifyReport {
  const alg = headerAlg(token);
  const joseError = error instanceof errors.JOSEError ? error : null;
  // jose throws a TypeError, not a JOSEError, when the key's type does not fit the alg (a public key for HS256).
  const code = joseError?.code ?? (error instanceof TypeError ? "KEY_WRONG_TYPE" : "UNEXPECTED_ERROR");
  const claimError = error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired ? error : null;
  const signature: StageResult = stage === "claims" ? "passed" : code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" ? "failed" : "not-reached";
  return {
    ok: false,
    signature,
    claims: stage === "claims" ? "failed" : "not-reached",
    code,
    joseMessage: error instanceof Error ? error.message : String(error),
    explanation: explainFailure(code, { alg, claim: claimError?.claim ?? null, reason: claimError?.reason ?? null }),
    claim: claimError?.claim ?? null,
    ...base,
    payload: null,
  };
}

function claimOptions(options: VerifyOptions, algorithms: string[]): JWTVerifyOptions {
  const base: JWTVerifyOptions = { algorithms, currentDate: options.currentDate, clockTolerance: options.clockToleranceSeconds };
  if (!options.authlabProfile) return base;
  const p = AUTHLAB_VERIFY_PROFILE;
  return { ...base, issuer: p.issuer, audience: p.audience, typ: p.typ, maxTokenAge: p.maxTokenAgeSeconds, requiredClaims: [...p.requiredClaims] };
}

function describeChecks(options: VerifyOptions, prepared: Extract<PreparedKey, { ok: true }>): string[] {
  const p = AUTHLAB_VERIFY_PROFILE;
  return [
    `Key: ${prepared.describe}.`,
    `Algorithm pinned to ${prepared.algorithms.join(", ")}: the key decides, never the token's header.`,
    `exp and nbf compared with ${options.currentDate.toISOString().replace(/\.\d{3}Z$/, "Z")}, with ${options.clockToleranceSeconds} s of clock tolerance.`,
    options.authlabProfile
      ? `As AuthLab's server: iss = ${p.issuer}, aud = ${p.audience}, typ = ${p.typ}, at most ${p.maxTokenAgeSeconds} s old, and ${p.requiredClaims.join(", ")} present.`
      : "iss, aud and typ not checked (tick “Check as AuthLab's server does” to add them).",
  ];
}

/**
 * Verifies a compact JWT with a key the learner pasted. Expected failures come back as a report,
 * never as an exception.
 *
 * @example
 * const report = await verifyToken(token, { kind: "secret", secret: "…", encoding: "text" }, { currentDate: new Date(), clockToleranceSeconds: 5, authlabProfile: false });
 * report.ok || report.code; // "ERR_JWS_SIGNATURE_VERIFICATION_FAILED"
 */
export async function verifyToken(token: string, keyInput: VerificationKeyInput, options: VerifyOptions): Promise<VerifyReport> {
  const notReached = (code: string, message: string, keyNotes: string[] = []): VerifyReport => ({
    ok: false, signature: "not-reached", claims: "not-reached", code, joseMessage: null, explanation: message, claim: null, checked: [], keyNotes, payload: null,
  });
  if (token.length > MAX_TOKEN_INPUT_CHARS) return notReached("INPUT_TOO_LARGE", explainFailure("INPUT_TOO_LARGE"));
  if (!Number.isFinite(options.clockToleranceSeconds) || options.clockToleranceSeconds < 0) return notReached("CLOCK_TOLERANCE_INVALID", explainFailure("CLOCK_TOLERANCE_INVALID"));
  const prepared = await prepareVerificationKey(keyInput);
  if (!prepared.ok) return notReached(prepared.code, prepared.message);
  const base = { checked: describeChecks(options, prepared), keyNotes: prepared.notes };
  const { key, algorithms } = prepared;

  try {
    // Overloads: a key, or a function that picks one (a JWKS). TypeScript wants them apart.
    if (typeof key === "function") await compactVerify(token, key, { algorithms });
    else await compactVerify(token, key, { algorithms });
  } catch (error) {
    return failure(error, "signature", token, base);
  }
  try {
    const verifyOptions = claimOptions(options, algorithms);
    const { payload } =
      typeof key === "function" ? await jwtVerify(token, key, verifyOptions) : await jwtVerify(token, key, verifyOptions);
    return { ok: true, signature: "passed", claims: "passed", code: null, joseMessage: null, explanation: "Signature verified and every claim check passed: a server with this key and these checks would accept this token.", claim: null, ...base, payload };
  } catch (error) {
    return failure(error, "claims", token, base);
  }
}
