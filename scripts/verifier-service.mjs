#!/usr/bin/env node
// A second service, deliberately separate from AuthLab: its own process and port, no database, no
// session store, no shared secret. It verifies AuthLab's access tokens with nothing but the public
// keys AuthLab publishes — "verify without a central lookup", shown. A token of a lab that rotated
// its own key is checked against that lab's JWKS (/api/labs/<lab>/jwks.json on the same AuthLab,
// which also lists the server's keys while they still verify for the lab); any other against
// /.well-known/jwks.json. The token's (unverified) `lab` claim only picks which of AuthLab's own
// URLs to read — never a host — and a forged claim just finds keys that do not match.
//
//   VERIFIER_PORT=4100 JWKS_URL=http://127.0.0.1:3000/.well-known/jwks.json node scripts/verifier-service.mjs
import http from "node:http";
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify } from "jose";

const port = Number(process.env.VERIFIER_PORT ?? 4100);
const jwksUrl = new URL(process.env.JWKS_URL ?? "http://127.0.0.1:3000/.well-known/jwks.json");
const issuer = process.env.JWT_ISSUER ?? "authlab";
const audience = process.env.JWT_AUDIENCE ?? "authlab-api";
const MAX_TOKEN_BYTES = 4096;

// Fetched lazily, cached, and refetched (at most once per cooldown) when a token names a kid it has
// not seen: that is how a rotated-in key reaches this service without a restart. AuthLab publishes
// the next key JWKS_PUBLISH_AHEAD_SECONDS (60 s) before signing with it, longer than this cooldown.
const cooldownMs = Number(process.env.VERIFIER_JWKS_COOLDOWN_MS ?? 5_000);
const remote = (url) => createRemoteJWKSet(url, { cooldownDuration: cooldownMs, cacheMaxAge: 60_000, timeoutDuration: 2_000 });
const serverJwks = remote(jwksUrl);
const LAB_ID = /^[2-9a-hjkmnp-z]{10}$/;
const MAX_LAB_JWKS = 500;
const labJwks = new Map();

/** The key set a token is checked against: its lab's, when it names one; else the server's. */
function keySetFor(token) {
  let lab;
  try {
    lab = decodeJwt(token).lab;
  } catch {
    return { jwks: serverJwks, url: jwksUrl };
  }
  if (typeof lab !== "string" || !LAB_ID.test(lab)) return { jwks: serverJwks, url: jwksUrl };
  let entry = labJwks.get(lab);
  if (!entry) {
    const url = new URL(`/api/labs/${lab}/jwks.json`, jwksUrl);
    entry = { jwks: remote(url), url };
    if (labJwks.size >= MAX_LAB_JWKS) labJwks.delete(labJwks.keys().next().value);
    labJwks.set(lab, entry);
  }
  return entry;
}

function send(res, status, body) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function failure(error) {
  if (error instanceof errors.JWTExpired) return ["TOKEN_EXPIRED", "The access token has expired."];
  if (error instanceof errors.JWKSNoMatchingKey) return ["TOKEN_KEY_UNKNOWN", "No published key matches this token (HS256 tokens cannot be verified here: their secret is never published)."];
  if (error instanceof errors.JOSEAlgNotAllowed) return ["TOKEN_ALG_NOT_ALLOWED", "This service accepts only ES256 and EdDSA tokens."];
  if (error instanceof errors.JWSSignatureVerificationFailed) return ["TOKEN_SIGNATURE_INVALID", "The signature does not verify against the published keys."];
  if (error instanceof errors.JWTClaimValidationFailed) return ["TOKEN_CLAIM_INVALID", `${error.claim} check failed: ${error.reason}`];
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && /fetch|ECONNREFUSED/i.test(error.message))) return ["JWKS_UNAVAILABLE", "Could not fetch AuthLab's published keys."];
  return ["TOKEN_MALFORMED", "The access token is not a well-formed JWT."];
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? "/", "http://verifier.invalid");
  if (req.method === "GET" && url.pathname === "/health") return send(res, 200, { ok: true, service: "verifier", jwksUrl: jwksUrl.href });
  if (req.method !== "GET" || url.pathname !== "/whoami") return send(res, 404, { error: { code: "NOT_FOUND", message: "Try GET /whoami." } });

  const auth = req.headers.authorization ?? "";
  const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  if (!token) {
    const cookie = req.headers.cookie ?? "";
    if (/(^|;\s*)(__Host-)?session=/.test(cookie)) {
      return send(res, 401, { error: { code: "SESSION_NOT_VERIFIABLE", message: "This service has no session store: a session cookie is an opaque id that only AuthLab's store can resolve." } });
    }
    return send(res, 401, { error: { code: "UNAUTHENTICATED", message: "Send Authorization: Bearer <access token>." } });
  }
  if (token.length > MAX_TOKEN_BYTES) return send(res, 401, { error: { code: "TOKEN_TOO_LARGE", message: "Token over the size cap." } });

  const started = process.hrtime.bigint();
  const keys = keySetFor(token);
  try {
    const { payload, protectedHeader } = await jwtVerify(token, keys.jwks, {
      algorithms: ["ES256", "EdDSA"],
      issuer,
      audience,
      typ: "at+jwt",
      clockTolerance: 5,
      requiredClaims: ["sub", "jti", "iat", "exp"],
    });
    const verifyUs = Number((process.hrtime.bigint() - started) / 1000n);
    return send(res, 200, {
      service: "verifier",
      user: { id: payload.sub, role: payload.role, email: payload.email },
      verifiedWith: { kid: protectedHeader.kid, alg: protectedHeader.alg, jwksUrl: keys.url.href },
      storeQueries: 0,
      verifyUs,
    });
  } catch (error) {
    const [code, message] = failure(error);
    return send(res, code === "JWKS_UNAVAILABLE" ? 503 : 401, { error: { code, message } });
  }
});

server.listen(port, "127.0.0.1", () => {
  console.info(`verifier: listening on http://127.0.0.1:${port}, trusting keys from ${jwksUrl.href}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
