/**
 * The challenges of /challenges, as every learner may read them: a goal, hints, the requests to copy,
 * and — where a challenge asks a question — the options without any mark of the right one. Which
 * option is right, and how "solved" is decided, live on the server only (lib/challenges/checks/*).
 */
export const CHALLENGE_IDS = [
  "forged-admin",
  "access-after-logout",
  "spent-refresh-detected",
  "token-via-script",
  "role-change-reaches-jwt",
  "beat-the-denylist",
  "outlive-idle-timeout",
  "csrf-cookie",
] as const;
export type ChallengeId = (typeof CHALLENGE_IDS)[number];

export interface AnswerOption {
  id: string;
  label: string;
}

/** A tool the challenge's card offers in the page itself. */
export type ChallengeTool = "injected-script" | "csrf-attack-link";

export interface Challenge {
  id: ChallengeId;
  title: string;
  /** The goal, in one sentence. */
  goal: string;
  /** Revealed one at a time, the last one nearly the way there. */
  hints: string[];
  /** Where the learner does the work. */
  links: { href: string; label: string }[];
  /** Requests to copy; the page defines `$ORIGIN` (this server) and `$LAB` (the X-AuthLab-Lab header naming the lab) above them. */
  curl?: string[];
  /** The check takes a token from the learner: what to paste. Without `required`, the request's own JWT is used when none is pasted. */
  token?: { label: string; required: boolean };
  question?: { prompt: string; options: AnswerOption[] };
  tool?: ChallengeTool;
  /** What the server looks at when the learner presses Check: said up front, so nobody thinks the page decides. */
  serverChecks: string;
}

export const CHALLENGES: readonly Challenge[] = [
  {
    id: "forged-admin",
    title: "Become admin with a forged token",
    goal: "Turn alice's access token into an admin token on the workbench, sign it with a key of your own, and find out why the server will not take it.",
    hints: [
      "On the workbench, press “Get a fresh token for alice”: that is a real token of this lab.",
      "In step 4, copy header and payload into the editors and press “Make it admin (role: admin)”. Then sign with HS256 and any secret you like.",
      "Press “Send to AuthLab” to see the server's verdict, then paste the signed token here and pick the reason.",
    ],
    links: [{ href: "/workbench", label: "Open the workbench" }],
    token: { label: "Your forged token", required: true },
    question: {
      prompt: "Why does the server refuse your admin token?",
      options: [
        { id: "role-lookup", label: "It looked alice's real role up in the database and saw it is not admin." },
        { id: "signature", label: "The signature no longer matches header and payload, and only this lab's key can make one that does." },
        { id: "expiry", label: "Editing the payload reset the token's expiry." },
        { id: "encrypted", label: "The payload is encrypted, so editing it garbled it." },
      ],
    },
    serverChecks: "that the token's payload raises a user of this lab who is not admin to role admin, and that its signature does not verify with this lab's keys — the server verifies it itself.",
  },
  {
    id: "access-after-logout",
    title: "Keep access after logout",
    goal: "Hold on to an access token, log alice out, and show the server still accepts the token.",
    hints: [
      "Copy a token first: the workbench's “Get a fresh token for alice”, or the login request below (its refresh token goes into the cookie jar).",
      "Then log alice out: the JWT pane's “Log out everywhere” ends every refresh family of hers, or log out with the jar (the denylist must be off).",
      "Paste the token you kept. The server verifies it and looks for a logout of its user after it was issued.",
    ],
    links: [
      { href: "/workbench", label: "Open the workbench" },
      { href: "/", label: "Open the lab (JWT pane)" },
    ],
    curl: [
      "TOKEN=$(curl -s -H \"$LAB\" -c jar -X POST \"$ORIGIN/api/auth/jwt/login?cookies=refresh-only\" -H 'content-type: application/json' -d '{\"email\":\"alice@example.com\",\"password\":\"wonderland-demo\"}' | node -pe 'JSON.parse(require(\"fs\").readFileSync(0)).accessToken')",
      "curl -s -H \"$LAB\" -b jar -X POST $ORIGIN/api/auth/jwt/logout -H \"authorization: Bearer $TOKEN\"   # log out: the refresh family is revoked",
      "curl -s -H \"$LAB\" $ORIGIN/api/me -H \"authorization: Bearer $TOKEN\"   # still 200",
    ],
    token: { label: "The access token you kept", required: true },
    question: {
      prompt: "Why can a copied session cookie not do the same after logout?",
      options: [
        { id: "cookie-deleted", label: "The browser deletes the session cookie at logout, so no copy can exist." },
        { id: "shorter-lifetime", label: "Session cookies always expire sooner than access tokens." },
        { id: "record-deleted", label: "Logout deletes the session record, and the server looks that record up on every request." },
        { id: "encrypted", label: "The session cookie is encrypted, so it cannot be copied." },
      ],
    },
    serverChecks: "that the token verifies and is accepted now (denylist included), and that a refresh family of its user was revoked by a logout after the token was issued.",
  },
  {
    id: "spent-refresh-detected",
    title: "Get a spent refresh token detected",
    goal: "Present a refresh token that was already spent, so that the server detects the reuse.",
    hints: [
      "Every refresh spends the refresh token and hands out a successor; an old one presented again is either a lost answer (inside the grace window) or a copy.",
      "The “Stolen refresh token” scenario steals a copy, lets alice refresh, waits past the grace window and replays the copy.",
      "Or with curl: log in with a cookie jar, copy the jar, refresh with one, wait past the grace window (or move the demo clock), refresh with the copy.",
    ],
    links: [{ href: "/scenarios/stolen-refresh-token", label: "Open the “Stolen refresh token” scenario" }],
    curl: [
      "curl -s -H \"$LAB\" -c jar -X POST $ORIGIN/api/auth/jwt/login -H 'content-type: application/json' -d '{\"email\":\"alice@example.com\",\"password\":\"wonderland-demo\"}' > /dev/null && cp jar stolen",
      "curl -s -H \"$LAB\" -b jar -c jar -X POST $ORIGIN/api/auth/jwt/refresh > /dev/null   # alice refreshes",
      "sleep 11; curl -s -H \"$LAB\" -b stolen -X POST $ORIGIN/api/auth/jwt/refresh   # the copy, past the grace window",
    ],
    question: {
      prompt: "What does the server do when it detects the reuse?",
      options: [
        { id: "thief-only", label: "Only the replayed copy stops working; alice keeps refreshing as before." },
        { id: "nothing", label: "Nothing: it hands out a new token as for any refresh." },
        { id: "family-revoked", label: "It revokes the whole family: the thief's and alice's next refresh both fail, and alice must log in again." },
        { id: "account-locked", label: "It locks alice's account until she changes her password." },
      ],
    },
    serverChecks: "that this lab's security events hold a REFRESH_TOKEN_REUSED event (any since the lab was created or last reset).",
  },
  {
    id: "token-via-script",
    title: "Read a token with an injected script",
    goal: "Let a script in the page steal the JWT pane's access token, in each of the places the pane can keep it.",
    hints: [
      "Where the JWT pane keeps its token is a setting on /instructor: an HttpOnly cookie (default), page memory or localStorage.",
      "Switch it to localStorage (sign in as the demo admin there), log in on the JWT pane, and come back here.",
      "Run the injected script below: it reads document.cookie and localStorage, as an XSS payload would. Then try it with the cookie setting too.",
    ],
    links: [
      { href: "/instructor", label: "Open the instructor tools (JWT storage)" },
      { href: "/", label: "Open the lab (JWT pane)" },
      { href: "/scenarios/where-the-token-lives", label: "The “Where the token lives” scenario" },
    ],
    token: { label: "The token the script read", required: true },
    tool: "injected-script",
    question: {
      prompt: "With the access token in an HttpOnly cookie, what can the injected script do?",
      options: [
        { id: "read-cookie", label: "Read the token from document.cookie, just as from localStorage." },
        { id: "nothing-at-all", label: "Nothing: it can neither read the cookie nor send requests that carry it." },
        { id: "decrypt", label: "Read the cookie, but not decrypt it." },
        { id: "ride-not-read", label: "Not read it — but send requests the browser attaches the cookie to, while the page is open." },
      ],
    },
    serverChecks: "that the token you paste is a real, valid access token of this lab (it verifies it), and your answer.",
  },
  {
    id: "role-change-reaches-jwt",
    title: "Make a role change reach a JWT holder",
    goal: "Change alice's role as the admin, then get alice a JWT that carries the new role.",
    hints: [
      "Log alice in on the JWT pane; her token says role user.",
      "As the admin, change her role with the requests below (the admin's token, then PATCH /api/admin/users/<alice's id>).",
      "Her old token still says user: the role is inside the signed token. Press Refresh on the JWT pane (a new token is minted from the database), then Check here — the pane's cookie travels with it.",
    ],
    links: [{ href: "/", label: "Open the lab (JWT pane)" }],
    curl: [
      "ADMIN=$(curl -s -H \"$LAB\" -X POST \"$ORIGIN/api/auth/jwt/login?cookies=none\" -H 'content-type: application/json' -d '{\"email\":\"admin@example.com\",\"password\":\"admin-demo-pass\"}' | node -pe 'JSON.parse(require(\"fs\").readFileSync(0)).accessToken')",
      "curl -s -H \"$LAB\" $ORIGIN/api/admin/users -H \"authorization: Bearer $ADMIN\"   # find alice's id",
      "curl -s -H \"$LAB\" -X PATCH $ORIGIN/api/admin/users/<alice's id> -H \"authorization: Bearer $ADMIN\" -H 'content-type: application/json' -d '{\"role\":\"admin\"}'",
    ],
    token: { label: "An access token (leave empty to use the JWT pane's, which travels with the check)", required: false },
    serverChecks: "that the token verifies in this lab, that its user's role in the database is no longer the role the account started with, and that the token's role claim equals it — so it was minted after the change.",
  },
  {
    id: "beat-the-denylist",
    title: "Beat the denylist",
    goal: "Turn the denylist on, log a JWT out, and try to keep using it — then say what stopping you costs.",
    hints: [
      "The denylist is a setting on /instructor (sign in as the demo admin there).",
      "With it on, log in and out on the JWT pane: logout writes the token's jti to the denylist until its exp.",
      "Replay the logged-out token (the guided tour's logout step does it): TOKEN_REVOKED. You can't win this one — think about what the server now does on every request.",
    ],
    links: [
      { href: "/instructor", label: "Open the instructor tools (denylist)" },
      { href: "/", label: "Open the lab (JWT pane)" },
    ],
    question: {
      prompt: "What does the denylist cost?",
      options: [
        { id: "nothing", label: "Nothing: the revocation is written into the token itself." },
        { id: "login-only", label: "One extra lookup at login, none afterwards." },
        { id: "second-signature", label: "A second signature check on every request." },
        { id: "lookup-per-request", label: "A store lookup on every request that carries a JWT: the token is no longer checked by its signature alone." },
      ],
    },
    serverChecks: "that this lab's denylist really holds an entry now, and your answer.",
  },
  {
    id: "outlive-idle-timeout",
    title: "Outlive the idle timeout",
    goal: "With the demo clock, keep one session alive for longer than the session idle timeout.",
    hints: [
      "The idle timeout (30 min by default, on /instructor) ends a session nobody used for that long; each request slides it forward.",
      "Log in on the Session pane, move the demo clock +15 min (header or /instructor), and call the API — repeat.",
      "Once the session is older than the idle timeout on the lab's clock and still valid, press Check: your session cookie travels with it.",
    ],
    links: [{ href: "/", label: "Open the lab (Session pane)" }, { href: "/instructor", label: "Open the instructor tools (demo clock)" }],
    serverChecks: "the session cookie this check carries: that the session is valid now, and that its age on the lab's auth clock is more than its idle timeout (the check itself never slides it).",
  },
  {
    id: "csrf-cookie",
    title: "Find the cookie a CSRF form rides on",
    goal: "Let another site's form post to AuthLab, and name the cookie it was hoping to ride on.",
    hints: [
      "The attacker's page lives on this server's other name (localhost ↔ 127.0.0.1): a different site to your browser.",
      "Open it with the link below: it auto-submits a form to /api/auth/session/logout-all. The server refuses it and records a CROSS_ORIGIN_REFUSED event in your lab.",
      "The form can set no header, only fields: it can only hope the browser adds a cookie. Which cookie would “log out everywhere” (session) need?",
    ],
    links: [{ href: "/scenarios/csrf", label: "The CSRF scenario" }],
    tool: "csrf-attack-link",
    question: {
      prompt: "Which cookie was the attacker's form hoping the browser would attach?",
      options: [
        { id: "lab-cookie", label: "The lab cookie (__Host-lab)" },
        { id: "refresh-cookie", label: "The refresh token cookie" },
        { id: "session-cookie", label: "The session cookie" },
        { id: "authorization", label: "None: it sends an Authorization header" },
      ],
    },
    serverChecks: "that this lab's security events hold a CROSS_ORIGIN_REFUSED event (a refused cross-site request), and your answer.",
  },
];

export function findChallenge(id: string): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}
