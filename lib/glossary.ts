/**
 * Every term the lab uses, each with one plain sentence. The lab links a term where it appears
 * (`<Term id="seal">`), the definition shows in place, and `/glossary` lists them all. Client-safe:
 * no server code, no secrets.
 */
export interface GlossaryEntry {
  /** The term as the learner meets it. */
  term: string;
  /** One plain sentence: what it is and why it matters here. */
  definition: string;
  /** Which section of the glossary page it belongs to. */
  group: GlossaryGroup;
  /** The library or file that implements it in AuthLab, named beside the plain words. */
  implementedBy?: string;
}

export const GLOSSARY_GROUPS = ["Basics", "Sessions", "JWT", "Cookies", "The server's work", "Attacks and defences"] as const;
export type GlossaryGroup = (typeof GLOSSARY_GROUPS)[number];

export const GLOSSARY = {
  stateless: {
    term: "Stateless HTTP",
    definition: "Every request stands alone: the server keeps no memory of earlier ones, so each request must carry its own proof of who sent it.",
    group: "Basics",
  },
  credential: {
    term: "Credential",
    definition: "What a request carries to prove who sent it — here a session cookie or a JWT.",
    group: "Basics",
  },
  "status-401": {
    term: "401 Unauthorized",
    definition: "The server's answer when a request proves nobody: no credential, or one that is expired, revoked or forged.",
    group: "Basics",
  },
  "status-403": {
    term: "403 Forbidden",
    definition: "The server knows the request but refuses it on principle: the wrong role, or a request started by another site.",
    group: "Basics",
  },
  opaque: {
    term: "Opaque value",
    definition: "A value that means nothing to whoever holds it: only the server that issued it can look up what it stands for.",
    group: "Basics",
  },
  instance: {
    term: "Instance",
    definition: "One running copy of the server; whether a session made on one copy is known to the others depends on whether they share its store.",
    group: "Basics",
  },
  session: {
    term: "Session",
    definition: "A login the server remembers: a record in its store, found again on every request through the id the browser sends back.",
    group: "Sessions",
  },
  "session-store": {
    term: "Session store",
    definition: "Where the server keeps session records — memory, the database or Redis — and looks one up on every request.",
    group: "Sessions",
  },
  seal: {
    term: "Seal",
    definition: "The session cookie's value: a random token the server has encrypted and signed, so nobody can read or change it.",
    group: "Sessions",
    implementedBy: "iron-session",
  },
  unseal: {
    term: "Unseal",
    definition: "The server decrypting the seal and checking its signature to get the token back; a seal changed by even one character fails.",
    group: "Sessions",
    implementedBy: "iron-session",
  },
  "idle-timeout": {
    term: "Idle timeout",
    definition: "A session unused for this long ends; every request pushes the deadline back (it slides).",
    group: "Sessions",
  },
  "absolute-timeout": {
    term: "Absolute timeout",
    definition: "A session ends this long after login, however active the user is; it never moves.",
    group: "Sessions",
  },
  hmac: {
    term: "HMAC",
    definition: "A check value computed from a message and a secret key: whoever changes the message without the key cannot make a matching one.",
    group: "Sessions",
  },
  "password-hash": {
    term: "Password hash",
    definition: "The server keeps only a slow, salted fingerprint of each password, so a stolen copy of its database reveals no password directly.",
    group: "Basics",
    implementedBy: "argon2id (@node-rs/argon2)",
  },
  "token-hash": {
    term: "Token hash (SHA-256)",
    definition: "The server stores only a fingerprint of the session token, so a copy of its database contains no working cookie.",
    group: "Sessions",
  },
  jwt: {
    term: "JWT (JSON Web Token)",
    definition: "A signed, readable statement such as “this is alice, role user, until 10:15” that the server checks without looking anything up.",
    group: "JWT",
  },
  "access-token": {
    term: "Access token",
    definition: "The short-lived JWT sent with every request (15 minutes by default); nothing can call it back before it expires.",
    group: "JWT",
  },
  claims: {
    term: "Claims",
    definition: "The statements inside a JWT (who, which role, until when): anyone holding the token can read them; only the signature makes them trustworthy.",
    group: "JWT",
  },
  signature: {
    term: "Signature",
    definition: "A value computed from the token's header and payload with the server's key: change one character and it no longer matches.",
    group: "JWT",
  },
  "jwt-verify": {
    term: "Verify a JWT",
    definition: "Recompute the signature with the server's key and check the claims (expiry, issuer, audience) — no store is asked anything.",
    group: "JWT",
    implementedBy: "jose (jwtVerify)",
  },
  exp: {
    term: "exp (expiry)",
    definition: "The claim that says until when a JWT is valid; until then a copy of it keeps working.",
    group: "JWT",
  },
  jti: {
    term: "jti (token id)",
    definition: "A JWT's unique id: what the denylist records when the token is logged out.",
    group: "JWT",
  },
  "refresh-token": {
    term: "Refresh token",
    definition: "A long-lived, opaque value the server does store; its cookie goes only to the refresh endpoint, which trades it for a new access token.",
    group: "JWT",
  },
  rotation: {
    term: "Rotation",
    definition: "Every refresh replaces the refresh token with a new one, so a stolen copy is good for one use at most.",
    group: "JWT",
  },
  "refresh-family": {
    term: "Refresh family",
    definition: "All the refresh tokens that descend from one login, each replacing the last; reusing a spent one revokes the whole family.",
    group: "JWT",
  },
  "grace-window": {
    term: "Grace window",
    definition: "A few seconds after a refresh in which the old token sent again counts as a harmless retry (409), not as theft.",
    group: "JWT",
  },
  denylist: {
    term: "Denylist",
    definition: "A list of logged-out tokens (by jti) the server checks on every request: JWT logout becomes immediate, at the price of a lookup per request.",
    group: "JWT",
  },
  "exposure-window": {
    term: "Exposure window",
    definition: "How long a copied credential still works after logout: none for a session, until exp for a JWT without the denylist.",
    group: "JWT",
  },
  "alg-none": {
    term: "alg: none",
    definition: "A JWT whose header says it carries no signature at all; a server that accepted it would trust anything, so this one refuses it.",
    group: "JWT",
  },
  "signing-algorithm": {
    term: "Signing algorithm (HS256, ES256, EdDSA)",
    definition: "HS256 signs and verifies with one shared secret; ES256 and EdDSA sign with a private key and verify with a public one anyone may hold.",
    group: "JWT",
  },
  jwks: {
    term: "JWKS (JSON Web Key Set)",
    definition: "The public keys a server publishes (at /.well-known/jwks.json) so that other services can verify its tokens without asking it.",
    group: "JWT",
  },
  cookie: {
    term: "Cookie",
    definition: "A small value the browser keeps for a site and sends back with every request to it, on its own.",
    group: "Cookies",
  },
  httponly: {
    term: "HttpOnly",
    definition: "A cookie attribute: the page's JavaScript cannot read the cookie, but the browser still sends it.",
    group: "Cookies",
  },
  secure: {
    term: "Secure",
    definition: "A cookie attribute: the cookie travels only over HTTPS (browsers count http://localhost as secure).",
    group: "Cookies",
  },
  samesite: {
    term: "SameSite",
    definition: "A cookie attribute that decides whether requests started by another site carry the cookie: Strict never, Lax only on top-level links.",
    group: "Cookies",
  },
  path: {
    term: "Path",
    definition: "A cookie attribute: the browser sends the cookie only to addresses under this path.",
    group: "Cookies",
  },
  "max-age": {
    term: "Max-Age",
    definition: "A cookie attribute: how long the browser keeps the cookie, while whether it is still valid is the server's decision.",
    group: "Cookies",
  },
  "cookie-prefix": {
    term: "__Host- and __Secure- prefixes",
    definition: "Name prefixes the browser enforces: __Secure- cookies need Secure; __Host- cookies also need Path=/ and no Domain, so no subdomain can plant one.",
    group: "Cookies",
  },
  "document-cookie": {
    term: "document.cookie",
    definition: "The cookies the page's own JavaScript can read — HttpOnly cookies are never in it.",
    group: "Cookies",
  },
  bearer: {
    term: "Authorization: Bearer",
    definition: "A request header the page's script adds itself to carry a token; unlike a cookie, the browser never attaches it on its own.",
    group: "Cookies",
  },
  proxy: {
    term: "Proxy",
    definition: "Code that runs before some routes and turns strangers away early; every route still checks the credential itself.",
    group: "The server's work",
    implementedBy: "proxy.ts",
  },
  matcher: {
    term: "Proxy matcher",
    definition: "The list of paths the proxy runs on; a request to any other path goes straight to its route, which authenticates it alone.",
    group: "The server's work",
    implementedBy: "proxy.ts (config.matcher)",
  },
  trace: {
    term: "Trace",
    definition: "The server's own record of one request: each step it took, how long it took, and how many store queries it sent.",
    group: "The server's work",
  },
  "store-query": {
    term: "Store query",
    definition: "One question the server sends to a store (database, Redis or memory); the lab counts them for every request.",
    group: "The server's work",
  },
  "cached-verification": {
    term: "Cached verification",
    definition: "The server remembers a token or seal it has already checked and skips repeating the cryptography; expiry is still checked, and a session lookup is never skipped.",
    group: "The server's work",
  },
  "demo-clock": {
    term: "Demo clock",
    definition: "The server's clock for expiry, which the instructor can move forward so tokens and sessions expire without waiting.",
    group: "The server's work",
  },
  percentile: {
    term: "p50 / p99",
    definition: "Response times: half of the requests were faster than p50, and 99 in 100 were faster than p99.",
    group: "The server's work",
  },
  csrf: {
    term: "CSRF (cross-site request forgery)",
    definition: "Another site makes your browser send a request to this one — and the browser adds your cookies to it.",
    group: "Attacks and defences",
  },
  "origin-check": {
    term: "Origin check",
    definition: "The server refuses any state-changing request another site started, judging by the Sec-Fetch-Site or Origin header the browser adds.",
    group: "Attacks and defences",
  },
  "cors-preflight": {
    term: "CORS preflight",
    definition: "Before another site's script may send a request with custom headers, the browser asks the server first; this server says no.",
    group: "Attacks and defences",
  },
  xss: {
    term: "XSS (cross-site scripting)",
    definition: "An attacker's script running inside this site's pages, able to read everything the page's own scripts can.",
    group: "Attacks and defences",
  },
  fixation: {
    term: "Session fixation",
    definition: "An attacker plants a session id in your browser before you log in; the defence is a brand-new id at every login.",
    group: "Attacks and defences",
  },
  replay: {
    term: "Replay",
    definition: "Sending a copied credential again, as an attacker who stole it would; the lab does it from the server, outside your browser.",
    group: "Attacks and defences",
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryId = keyof typeof GLOSSARY;

export function isGlossaryId(value: string): value is GlossaryId {
  return Object.hasOwn(GLOSSARY, value);
}

/** The entry for `id`, typed as a plain entry (the `as const` table's literal types are not needed by callers). */
export function glossaryEntry(id: GlossaryId): GlossaryEntry {
  return GLOSSARY[id];
}

/** Where a term is explained on the glossary page. */
export function glossaryHref(id: GlossaryId): string {
  return `/glossary#${id}`;
}
