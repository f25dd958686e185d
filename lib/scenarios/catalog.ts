/**
 * The nine scenarios: what each is called, what it does and why (two sentences), and what it
 * leaves behind. Shared by the scenario pages, the index and the home page's list.
 */
export const SCENARIO_SLUGS = [
  "replay-after-logout",
  "admin-revokes-user",
  "role-change",
  "tampering",
  "expiry",
  "stolen-refresh-token",
  "where-the-token-lives",
  "csrf",
  "session-fixation",
] as const;

export type ScenarioSlug = (typeof SCENARIO_SLUGS)[number];

export interface ScenarioInfo {
  slug: ScenarioSlug;
  number: number;
  title: string;
  /** One line for compact lists. */
  teaser: string;
  /** Two sentences: what will happen, and why. */
  summary: string;
  /** How the scenario leaves the demo (what it restores, who ends logged in). */
  leaves: string;
  /** Server features it needs beyond the defaults, said up front. */
  needs?: string;
}

export const SCENARIOS: readonly ScenarioInfo[] = [
  {
    slug: "replay-after-logout",
    number: 1,
    title: "Replay after logout",
    teaser: "Copy each credential, log out, replay the copy.",
    summary:
      "Both strategies log in as Alice, the server keeps a copy of each credential (as a thief holding the cookies would), both log out, and the copies are replayed — then the JWT round is repeated with the denylist on. The session copy dies at logout because the server deletes its record, while a JWT is checked only against its signature and expiry, so it keeps working until exp unless the denylist makes every request look it up.",
    leaves: "Both strategies end logged out; the denylist setting is put back as it was.",
  },
  {
    slug: "admin-revokes-user",
    number: 2,
    title: "Admin revokes the user",
    teaser: "An admin kills every credential of a logged-in user.",
    summary:
      "Alice is logged in on both strategies when an admin revokes every session and refresh family she has. The session dies on her very next request because each request looks the record up, while the JWT access token carries its own proof and keeps working until exp — only the refresh that would renew it is refused.",
    leaves: "Alice ends logged out on both; her account itself is untouched (revoking changes no user data).",
  },
  {
    slug: "role-change",
    number: 3,
    title: "Role change",
    teaser: "Promote and demote a user while both strategies are logged in.",
    summary:
      "An admin promotes Alice to admin while she is logged in on both strategies, then demotes her back. The session reads her role from the database on every request and sees each change at once, while the JWT carries the role inside its signed payload and keeps the stale role until it is refreshed.",
    leaves: "Alice is demoted back to user and her JWT refreshed, so no stale admin token is left behind.",
  },
  {
    slug: "tampering",
    number: 4,
    title: "Tampering",
    teaser: "Forge role: admin into a JWT, try alg: none, flip a byte of the seal.",
    summary:
      "An attacker edits the JWT payload to say role: admin, then strips the signature with alg: none, and flips one character of the session cookie's seal. The JWT's signature covers header and payload and the seal carries an HMAC, so every forgery is refused with 401 — and the session cookie that failed to unseal is cleared.",
    leaves: "The JWT stays logged in; the session ends logged out because its tampered cookie was cleared.",
  },
  {
    slug: "expiry",
    number: 5,
    title: "Expiry",
    teaser: "Fast-forward the demo clock past each lifetime and timeout.",
    summary:
      "Instead of waiting, the demo clock is moved past the access token's lifetime, past the session's idle timeout, and — with a request every few minutes — past the session's absolute timeout. Expiry is checked against the server's clock on every request: the JWT fails but its refresh token renews it, while the session dies when left idle and, however active, at its absolute lifetime.",
    leaves: "Both strategies log out and the demo clock goes back to where it was.",
    needs: "The demo clock (on for local runs, off by default in production).",
  },
  {
    slug: "stolen-refresh-token",
    number: 6,
    title: "Stolen refresh token",
    teaser: "The thief and the owner both use one refresh token.",
    summary:
      "An attacker copies Alice's refresh token, Alice's own client refreshes as usual (which spends it), and a little later the attacker presents the spent copy. Within the short grace window a second use is taken for a retry whose answer was lost, and gets the same successor back (never a second live token); after it, a second use means one holder is a thief: the server revokes the whole family and records the event, whereas a copied session cookie is never noticed.",
    leaves: "The demo clock goes back to where it was; both strategies end logged out.",
    needs: "The demo clock, to step past the refresh grace window.",
  },
  {
    slug: "where-the-token-lives",
    number: 7,
    title: "Where the token lives",
    teaser: "HttpOnly cookie, memory or localStorage — what can an injected script read?",
    summary:
      "The JWT's access token is kept in turn in an HttpOnly cookie, in page memory (sent as an Authorization header) and in localStorage, and each time an injected script — what an XSS payload would run — looks for it. Page scripts cannot read HttpOnly cookies but can read localStorage, so only the localStorage token is stolen outright; memory hides it at rest but not in flight, and in every case the script can act as the user while it runs.",
    leaves: "localStorage is emptied and the JWT ends logged out; the session stays logged in.",
  },
  {
    slug: "csrf",
    number: 8,
    title: "CSRF",
    teaser: "A forged form from another site, against a cookie and against a Bearer header.",
    summary:
      "A page on another site — this same app under its other name, 127.0.0.1 versus localhost — posts a forged form to the session's “log out everywhere”, then tries the same against the JWT with an Authorization header. The browser keeps the SameSite cookie home and the server refuses any cross-site POST anyway, while a form cannot set headers at all and a script on another site is stopped by CORS, with no token to send in the first place.",
    leaves: "Nothing changes: both strategies stay logged in, which is the point.",
    needs: "Opening a second window (allow pop-ups for this site) on localhost or 127.0.0.1.",
  },
  {
    slug: "session-fixation",
    number: 9,
    title: "Session fixation",
    teaser: "Log in over a session id an attacker could have planted.",
    summary:
      "The browser already holds a session cookie — one an attacker could have planted — when Alice logs in, and the old and new ids are compared. The server issues a brand-new session id at every login and deletes the old one, so a planted id is dead; a JWT login likewise mints a fresh token and never adopts one the browser brings.",
    leaves: "Alice stays logged in on both strategies.",
  },
];

export function isScenarioSlug(value: string): value is ScenarioSlug {
  return (SCENARIO_SLUGS as readonly string[]).includes(value);
}

export function scenarioInfo(slug: ScenarioSlug): ScenarioInfo {
  const found = SCENARIOS.find((s) => s.slug === slug);
  if (!found) throw new Error(`Unknown scenario ${slug}`);
  return found;
}
