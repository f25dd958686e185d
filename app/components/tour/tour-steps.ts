"use client";

import type { ScenarioSlug } from "@/lib/scenarios/catalog";
import { formatDuration } from "@/lib/settings/durations";
import type { StepContext } from "./step-context";

export interface TourStep {
  title: string;
  /** Short narration, one idea per paragraph: read aloud in class. Terms are marked [[id|words]] (see lib/glossary-markup). */
  narration: string[];
  /** Where to look once the step has run (marked up likewise). */
  watch?: string;
  doIt?: { label: string; run: (ctx: StepContext) => Promise<void> };
  /** The scenario that goes deeper. */
  scenario?: ScenarioSlug;
  /** The closing step shows the side-by-side comparison. */
  comparison?: boolean;
}

/** "401 SESSION_NOT_FOUND", or just "200". */
function answer(replayed: { status: number; code?: string }): string {
  return replayed.code ? `${replayed.status} ${replayed.code}` : String(replayed.status);
}

async function logInBoth(ctx: StepContext): Promise<void> {
  await ctx.pane("session", "login-alice");
  await ctx.pane("jwt", "login-alice");
}

/** The lesson, in order: stateless HTTP → session → JWT → logout → refresh → denylist → which to choose. */
export const TOUR_STEPS: TourStep[] = [
  {
    title: "HTTP is stateless",
    narration: [
      "Every HTTP request stands alone: the server keeps no memory of the previous one. HTTP is [[stateless]].",
      "So every request has to carry proof of who sent it — a [[credential]]. A protected API that receives none can only answer [[status-401|401]].",
    ],
    watch: "Both panes answer 401 UNAUTHENTICATED: nothing travelled, so there is nobody to recognise.",
    doIt: {
      label: "Log both panes out, then call the protected API from each",
      async run(ctx) {
        await ctx.pane("session", "logout");
        await ctx.pane("jwt", "logout");
        await ctx.pane("session", "call-api");
        await ctx.pane("jwt", "call-api");
      },
    },
  },
  {
    title: "Sessions: the server remembers",
    narration: [
      "A session login creates a record in the server's [[session-store|store]] and gives the browser a cookie holding an [[opaque]], [[seal|sealed]] token — a ticket number, not a statement about you.",
      "On every request the server [[unseal|unseals]] the cookie and looks the record up. The record, not the cookie, is the truth: who you are, your current role, when the session ends.",
    ],
    watch: "The Session pane signs in, then its call answers 200 after a store lookup: at least one [[store-query|store query]]. Below, the request flow draws open the seal → look it up → 200; the cookie inspector shows the seal and the record the server holds for it.",
    doIt: {
      label: "Log the Session pane in as Alice, then call the API",
      async run(ctx) {
        await ctx.pane("session", "login-alice");
        const call = await ctx.pane("session", "call-api");
        if (call.trace) ctx.note(`The server looked the session up: ${call.trace.storeQueries} store ${call.trace.storeQueries === 1 ? "query" : "queries"} for one request.`);
      },
    },
  },
  {
    title: "JWT: the token carries the proof",
    narration: [
      "A [[jwt|JWT]] login gives the browser a signed [[access-token|access token]] that says who you are, your role and until when.",
      "On every request the server checks the [[signature]] and the [[claims]] — and asks no store anything. Anyone can read the payload; only the server can sign one.",
    ],
    watch: "The JWT pane signs in, then its call answers 200 with zero [[store-query|store queries]]: the server only [[jwt-verify|verified]] the token. The inspector decodes its header, payload and signature.",
    doIt: {
      label: "Log the JWT pane in as Alice, then call the API",
      async run(ctx) {
        await ctx.pane("jwt", "login-alice");
        const call = await ctx.pane("jwt", "call-api");
        if (call.trace) ctx.note(`The server only verified the token: ${call.trace.storeQueries} store ${call.trace.storeQueries === 1 ? "query" : "queries"} for one request.`);
      },
    },
    scenario: "tampering",
  },
  {
    title: "Logout: the difference",
    narration: [
      "Copy each pane's credential, as an attacker with a stolen cookie would, then log both panes out and [[replay]] the copies from outside the browser.",
      "Logging out a session deletes its record, so the copy is worthless at once. Logging out a JWT revokes its [[refresh-token|refresh token]], but the access token is still correctly signed: it works until it expires ([[exp]]).",
    ],
    watch: "The attacker's session copy is blocked at once; the JWT copy still gets in until its exp — the [[exposure-window|exposure window]] — while its refresh token is dead.",
    doIt: {
      label: "Log both in, copy the credentials, log out, replay the copies",
      async run(ctx) {
        await logInBoth(ctx);
        const copy = await ctx.capture();
        ctx.note(`Copied: session cookie ${copy.session ? "yes" : "no"}, access token ${copy.access ? "yes" : "no"}, refresh token ${copy.refresh ? "yes" : "no"}.`);
        await ctx.pane("session", "logout");
        await ctx.pane("jwt", "logout");
        if (copy.session) {
          const session = await ctx.replay(copy.id, "session");
          ctx.note(`Session copy after logout: ${answer(session)} — ${session.status === 401 ? "dead at once, the record is gone." : "still accepted."}`, session.status === 401 ? "attacker-blocked" : "attacker-in");
        }
        if (copy.access) {
          const access = await ctx.replay(copy.id, "access");
          const left = access.status === 200 && access.expiresAt ? ` — still accepted for ${await ctx.untilOnAuthClock(access.expiresAt)} more, until its exp.` : access.status === 401 ? " — refused (is the denylist on?)." : "";
          ctx.note(`JWT access-token copy after logout: ${answer(access)}${left}`, access.status === 200 ? "attacker-in" : "attacker-blocked");
        }
        if (copy.refresh) {
          const refresh = await ctx.replay(copy.id, "refresh");
          ctx.note(`JWT refresh-token copy after logout: ${answer(refresh)} — ${refresh.status === 401 ? "logout revoked its family." : "still accepted."}`, refresh.status === 401 ? "attacker-blocked" : "attacker-in");
        }
      },
    },
    scenario: "replay-after-logout",
  },
  {
    title: "Refresh: short-lived access, long-lived refresh",
    narration: [
      "Since an access token cannot be called back, it is kept short-lived. A long-lived [[refresh-token|refresh token]] — an opaque value the server does store, whose cookie is sent only to the JWT auth endpoints — buys a new one without the password.",
      "Each refresh replaces the refresh token too ([[rotation]]): a stolen one is good for one use at most.",
    ],
    watch: "The [[demo-clock|demo clock]] jumps past the access lifetime (see the header). The JWT call fails with TOKEN_EXPIRED, the refresh succeeds, and the next call works. The session, whose [[idle-timeout|idle timeout]] is longer, carries on. Leaving this step puts the clock back.",
    doIt: {
      label: "Log both in, jump past the access lifetime, call, refresh, call again",
      async run(ctx) {
        await logInBoth(ctx);
        const settings = await ctx.settings();
        const jump = settings.accessTtlSeconds + 60;
        await ctx.advanceClock(jump);
        ctx.note(`The auth clock moved ${formatDuration(jump)} forward: past the ${formatDuration(settings.accessTtlSeconds)} access lifetime, within the ${formatDuration(settings.sessionIdleSeconds)} session idle timeout.`);
        await ctx.pane("jwt", "call-api");
        await ctx.pane("session", "call-api");
        await ctx.pane("jwt", "refresh");
        await ctx.pane("jwt", "call-api");
      },
    },
    scenario: "expiry",
  },
  {
    title: "Hybrid: the denylist",
    narration: [
      "To make JWT logout immediate, the server can remember logged-out tokens by their [[jti]] in a [[denylist]], and check it on every request.",
      "It works — and it is a store lookup per request again. The JWT has become stateful, like a session, and kept its other costs: size, stale claims until refresh.",
    ],
    watch: "Every JWT request now shows one store query (the denylist check), and the attacker's copy replayed after logout is blocked: 401 TOKEN_REVOKED. Leaving this step turns the denylist back off.",
    doIt: {
      label: "Turn the denylist on, log in, copy, log out, replay",
      async run(ctx) {
        await ctx.changeSettings({ denylistEnabled: true });
        ctx.note("The denylist is on for the whole server (instructor setting) until you leave this step.");
        await ctx.pane("jwt", "login-alice");
        await ctx.pane("jwt", "call-api");
        const copy = await ctx.capture();
        await ctx.pane("jwt", "logout");
        if (!copy.access) {
          ctx.note("The JWT pane holds no access token to copy.");
          return;
        }
        const access = await ctx.replay(copy.id, "access");
        ctx.note(`JWT access-token copy after logout: ${answer(access)} — ${access.status === 401 ? "refused at once." : "still accepted."}`, access.status === 401 ? "attacker-blocked" : "attacker-in");
      },
    },
    scenario: "replay-after-logout",
  },
  {
    title: "Which to choose",
    narration: [
      "A web app served by its own server: sessions are simpler and safer by default — instant logout and revocation, the current role on every request, nothing readable in the cookie.",
      "Many services verifying one login, or APIs for other clients: short-lived JWTs with rotating refresh tokens, and a [[denylist]] if logout must be immediate — knowing that it brings the lookup back.",
    ],
    comparison: true,
  },
];
