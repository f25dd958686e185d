/**
 * The one registry of stable error codes. HTTP errors are `{ error: { code, message } }`;
 * clients and tests assert on `code`, never on `message`.
 */
export const ERRORS = {
  // Input
  INVALID_JSON: { status: 400, message: "The request body is not valid JSON." },
  VALIDATION_FAILED: { status: 400, message: "The request body does not match the expected shape." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the body as application/json." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large." },
  INVALID_MODE: { status: 400, message: "Mode must be \"session\" or \"jwt\"." },
  METHOD_NOT_ALLOWED: { status: 405, message: "This endpoint does not accept that method." },
  NOT_FOUND: { status: 404, message: "Nothing here." },
  BAD_REQUEST_TARGET: { status: 400, message: "The request target is not a well-formed path." },
  CROSS_ORIGIN_REQUEST: { status: 403, message: "Cross-origin request refused: this action only accepts requests from this site." },
  JAVASCRIPT_REQUIRED: { status: 400, message: "This form keeps what it gets in the page's memory, which needs JavaScript: nothing was sent on or checked. Turn JavaScript on, or use the login page." },

  // Accounts and login
  EMAIL_TAKEN: { status: 409, message: "An account with this email already exists." },
  INVALID_CREDENTIALS: { status: 401, message: "Invalid email or password." },
  RATE_LIMITED: { status: 429, message: "Too many attempts. Try again later." },
  PASSWORD_INCORRECT: { status: 403, message: "The current password is not correct." },

  // Authentication outcomes (shared)
  UNAUTHENTICATED: { status: 401, message: "No credential was sent." },
  USER_DISABLED: { status: 401, message: "This account is disabled." },
  FORBIDDEN: { status: 403, message: "You do not have permission for this." },
  CREDENTIAL_OTHER_LAB: { status: 401, message: "This credential belongs to another lab: it means nothing in this one." },

  // Labs
  LAB_COOKIE_INVALID: { status: 400, message: "The lab cookie does not verify (tampered or from another server): create a lab with POST /api/labs, or drop the cookie to use the default lab." },
  LAB_GONE: { status: 410, message: "This lab has expired and its data is deleted: create a new one with POST /api/labs (a browser gets one on its next page visit)." },
  LAB_CREATION_RATE_LIMITED: { status: 429, message: "Too many labs created from this address. Try again later." },
  LABS_AT_CAPACITY: { status: 429, message: "This server holds as many labs as it may; one frees up when an idle lab expires. Try again later." },
  LAB_FULL: { status: 409, message: "This lab holds as many accounts as a lab may: reset the lab, or start a new one." },

  // Operator (server-wide choices)
  OPERATOR_REQUIRED: { status: 401, message: "This is an operator's action: send Authorization: Bearer <OPERATOR_TOKEN>." },
  OPERATOR_DISABLED: { status: 403, message: "No OPERATOR_TOKEN is configured on this server, so its server-wide settings cannot be changed at run time." },

  // Session mode
  SESSION_INVALID: { status: 401, message: "The session cookie could not be unsealed (tampered, foreign or garbage)." },
  SESSION_NOT_FOUND: { status: 401, message: "The session does not exist on the server (logged out or revoked)." },
  SESSION_IDLE_TIMEOUT: { status: 401, message: "The session expired after a period of inactivity." },
  SESSION_ABSOLUTE_TIMEOUT: { status: 401, message: "The session reached its absolute lifetime." },

  // JWT mode
  TOKEN_MALFORMED: { status: 401, message: "The access token is not a well-formed JWT." },
  TOKEN_TOO_LARGE: { status: 401, message: "The access token is larger than any token this server issues." },
  TOKEN_ALG_NOT_ALLOWED: { status: 401, message: "The access token uses an algorithm this server does not accept." },
  TOKEN_KEY_UNKNOWN: { status: 401, message: "The access token names a key this server does not have." },
  TOKEN_SIGNATURE_INVALID: { status: 401, message: "The access token's signature does not verify." },
  TOKEN_EXPIRED: { status: 401, message: "The access token has expired." },
  TOKEN_CLAIM_INVALID: { status: 401, message: "An access token claim failed validation." },
  TOKEN_REVOKED: { status: 401, message: "The access token is on the denylist." },

  // Refresh tokens
  REFRESH_TOKEN_MISSING: { status: 401, message: "No refresh token was sent." },
  REFRESH_TOKEN_INVALID: { status: 401, message: "The refresh token is not known." },
  REFRESH_TOKEN_EXPIRED: { status: 401, message: "The refresh token has expired." },
  REFRESH_TOKEN_REVOKED: { status: 401, message: "The refresh token's family was revoked." },
  REFRESH_TOKEN_REUSED: { status: 401, message: "A spent refresh token was presented again; its whole family is now revoked." },
  REFRESH_TOKEN_RACE: { status: 409, message: "This refresh token was just used by a concurrent request; keep the newer cookies." },

  STORE_NOT_CONFIGURED: { status: 409, message: "This server has no such store: the Redis store needs REDIS_URL at start-up." },

  KEY_ROTATION_UNSUPPORTED: { status: 409, message: "HS256 secrets rotate through JWT_SECRET and JWT_SECRET_PREVIOUS, not through the API." },

  // Instructor tools
  STORE_FAULT_DEFAULT_LAB: { status: 403, message: "The outage switch is not available in the server's shared default lab: everyone shares it and its admin password is public. Use a lab of your own (a browser gets one on its first visit, an API client with POST /api/labs)." },
  DEMO_CLOCK_DISABLED: { status: 403, message: "The default lab's demo tools (clock, reset, settings) are closed on this server (DEMO_CLOCK is off). Your own lab has them: a browser gets one on its first visit, an API client with POST /api/labs." },

  // Challenges (/challenges): the server decides "solved" from what happened in the lab
  CHALLENGE_UNKNOWN: { status: 404, message: "There is no challenge with this id: GET /api/challenges lists them." },
  CHALLENGE_NOT_SOLVED: { status: 422, message: "Not solved yet: the server does not see what the goal asks for in this lab." },

  // Several instances, and the lab's measurements
  PEER_UNKNOWN: { status: 400, message: "That target is not one of this server's configured peer instances (PEER_URLS)." },
  PEER_UNAVAILABLE: { status: 503, message: "The other instance did not answer; start several with: npm run instances" },
  MEASUREMENT_IN_PROGRESS: { status: 409, message: "A measurement is already running on this instance; try again in a few seconds." },
  DEMO_USER_MISSING: { status: 409, message: "The measurement logs in as the demo user, who does not exist on this server (SEED_DEMO_USERS is off)." },

  // Infrastructure
  SECOND_SERVICE_UNAVAILABLE: { status: 503, message: "The second service is not running; start it with: npm run verifier" },
  STORE_UNAVAILABLE: { status: 503, message: "The credential store is unavailable. Try again shortly." },
  INTERNAL_ERROR: { status: 500, message: "Something went wrong on the server." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * `instanceof` by brand rather than by class identity: Next bundles the proxy and the route
 * handlers separately, each with its own copy of this module, while the stores and limiters that
 * throw these errors are shared per process (on globalThis). Without this, a store outage caught in
 * another bundle than the one that built the store would not be recognised, and become a 500.
 */
function isBranded(value: unknown, brand: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

const API_ERROR = Symbol.for("authlab.ApiError");
const STORE_UNAVAILABLE = Symbol.for("authlab.StoreUnavailableError");

/** An expected, client-facing failure. Route handlers turn it into `{ error: { code, message } }`. */
export class ApiError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(value, API_ERROR);
  }
  readonly [API_ERROR] = true;
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, options: { message?: string; details?: Record<string, unknown>; headers?: Record<string, string> } = {}) {
    super(options.message ?? ERRORS[code].message);
    this.name = "ApiError";
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

/** Raised by a store adapter when its backend cannot be reached; becomes 503 + Retry-After. */
export class StoreUnavailableError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isBranded(value, STORE_UNAVAILABLE);
  }
  readonly [STORE_UNAVAILABLE] = true;
  readonly retryAfterSeconds: number;
  /** Which backend failed (`database`, `redis`): safe to show, unlike the cause. */
  readonly backend: string | undefined;
  constructor(message: string, options: { cause?: unknown; retryAfterSeconds?: number; backend?: string } = {}) {
    super(message, { cause: options.cause });
    this.name = "StoreUnavailableError";
    this.retryAfterSeconds = options.retryAfterSeconds ?? 5;
    this.backend = options.backend;
  }
}

/** Raised at start-up when the configuration cannot be used safely. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(`authlab: ${message}`);
    this.name = "ConfigError";
  }
}
