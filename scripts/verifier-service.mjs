#!/usr/bin/env node
// A second service, deliberately separate from AuthLab: its own process and port, no database, no
// session store, no shared secret. It verifies AuthLab's access tokens with nothing but the public
// keys AuthLab publishes at /.well-known/jwks.json — "verify without a central lookup", shown.
//
//   VERIFIER_PORT=4100 JWKS_URL=http://127.0.0.1:3000/.well-known/jwks.json node scripts/verifier-service.mjs
import http from "node:http";
import { createRemoteJWKSet, errors, jwtVerify } from "jose";

const port = Number(process.env.VERIFIER_PORT ?? 4100);
const jwksUrl = new URL(process.env.JWKS_URL ?? "http://127.0.0.1:3000/.well-known/jwks.json");
const issuer = process.env.JWT_ISSUER ?? "authlab";
const audience = process.env.JWT_AUDIENCE ?? "authlab-api";
const MAX_TOKEN_BYTES = 4096;

// Fetched lazily, cached, and refetched (at most once per cooldown) when a token names a kid it has
// not seen: that is how a rotated-in key reaches this service without a restart. AuthLab publishes
// the next key JWKS_PUBLISH_AHEAD_SECONDS (60 s) before signing with it, longer than this cooldown.
const cooldownMs = Number(process.env.VERIFIER_JWKS_COOLDOWN_MS ?? 5_000);
const jwks = createRemoteJWKSet(jwksUrl, { cooldownDuration: cooldownMs, cacheMaxAge: 60_000, timeoutDuration: 2_000 });

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
  if (error instanceof errors.JWKSTimeout || (error instanceof Error && /fetch|ECONNREFUSED/i.test(error.message))) return ["JWKS_UNAVAILABLE", `Could not fetch ${jwksUrl}.`];
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
  try {
    const { payload, protectedHeader } = await jwtVerify(token, jwks, {
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
      verifiedWith: { kid: protectedHeader.kid, alg: protectedHeader.alg, jwksUrl: jwksUrl.href },
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
