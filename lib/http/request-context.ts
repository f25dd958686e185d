import "server-only";
import { resolveMode } from "../auth/mode";
import { services } from "../auth/services";
import type { AuthContext, AuthMode, AuthResult, AuthStrategy, AuthUser, CredentialInfo, CredentialInput } from "../auth/types";
import { appEnv } from "../config/env";
import { ApiError, ERRORS } from "../errors";
import { labNow, requestLab, settingsFor } from "../labs/request-lab";
import type { LabState } from "../labs/lab-state";
import { Trace } from "../trace/trace";
import { asRole } from "../users/users";

export interface Authenticated {
  user: AuthUser;
  mode: AuthMode;
  credential: CredentialInfo;
}

/**
 * One request, read once: the credential input (cookies parsed once), the mode by the one mode
 * rule, the client address, the lab with its settings and auth clock, and the trace. The route
 * wrapper (lib/http/route.ts) and the pages' data-access layer (lib/auth/dal.ts) build it; no route
 * parses cookies, resolves the mode or re-unseals a credential itself.
 */
export interface RequestContext {
  readonly input: CredentialInput;
  readonly mode: AuthMode;
  readonly clientAddress: string;
  readonly lab: LabState;
  /** What strategies get: the lab, its auth clock, its settings and the trace. */
  readonly auth: AuthContext;
  readonly trace: Trace;
  /** This request's strategy (of `mode`), or another mode's. */
  strategy(mode?: AuthMode): AuthStrategy;
  /** Authenticates with a mode's strategy, once per mode and request; the verdict is on the trace. */
  authenticate(options?: { mode?: AuthMode }): Promise<AuthResult>;
  /**
   * The authenticated user, or the verdict's error (401) — and 403 FORBIDDEN without the role.
   * `pastStoreFault`: check the credential against the lab's real stores even while its outage
   * switch is on — only for the switch itself, or an admin whose credential the outage refuses
   * could turn it on and never off again.
   */
  requireUser(options?: { mode?: AuthMode; role?: "admin"; pastStoreFault?: boolean }): Promise<Authenticated>;
}

export interface RequestParts {
  input: CredentialInput;
  clientAddress: string;
  /** `?mode=`, for the routes and pages that have a query string. */
  modeParam?: string | null;
  /** Identify without side effects (the lab's polling: no sliding-expiry write). */
  readOnly?: boolean;
}

/** Builds the context of one request (its lab resolved once: 400/410 for a bad or dead lab cookie). */
export async function requestContext(parts: RequestParts): Promise<RequestContext> {
  const { input, clientAddress } = parts;
  const mode = resolveMode(input, parts.modeParam);
  const lab = await requestLab(input);
  const settings = await settingsFor(lab);
  const trace = new Trace(mode, appEnv().instanceId);
  const auth: AuthContext = { labId: lab.id, now: labNow(lab), settings, trace, readOnly: parts.readOnly ?? false };
  const verdicts = new Map<AuthMode, Promise<AuthResult>>();
  const strategy = (which: AuthMode = mode) => services().strategy(which);

  // The same request with the lab's outage switch looked past (the switch's own route, see
  // requireUser): made only by a request that asks for it, never on the hot path.
  let pastFault: { auth: AuthContext; verdicts: Map<AuthMode, Promise<AuthResult>> } | undefined;

  const authenticate = (options: { mode?: AuthMode; pastStoreFault?: boolean } = {}) => {
    const which = options.mode ?? mode;
    const past = options.pastStoreFault === true && settings.storeFault ? (pastFault ??= { auth: { ...auth, settings: { ...settings, storeFault: false } }, verdicts: new Map() }) : undefined;
    const cache = past ? past.verdicts : verdicts;
    let verdict = cache.get(which);
    if (!verdict) {
      verdict = strategy(which)
        .authenticate(input, past ? past.auth : auth)
        .then((result) => {
          if (result.ok) trace.setVerdict(true, 200);
          else trace.setVerdict(false, ERRORS[result.code].status, result.code);
          return result;
        });
      cache.set(which, verdict);
    }
    return verdict;
  };

  return {
    input,
    mode,
    clientAddress,
    lab,
    auth,
    trace,
    strategy,
    authenticate,
    async requireUser(options = {}) {
      const which = options.mode ?? mode;
      const result = await authenticate({ mode: which, pastStoreFault: options.pastStoreFault });
      if (!result.ok) throw new ApiError(result.code);
      if (options.role) {
        // A privileged action confirms the role where it is decided now, not where a token says it
        // was: an admin demoted or disabled a minute ago must not act as one until the token's exp.
        const row = await services().users.findById(lab.id, result.user.id);
        if (!row || row.disabled) throw new ApiError("USER_DISABLED");
        if (asRole(row.role) !== options.role) throw new ApiError("FORBIDDEN");
      }
      return { user: result.user, mode: which, credential: result.credential };
    },
  };
}
