import type { ScenarioSlug } from "@/lib/scenarios/catalog";

/** The knowledge check at the end of the tour. Each answer points to the scenario that shows it. */
export interface QuizQuestion {
  id: string;
  prompt: string;
  options: string[];
  /** Index into `options`. */
  answer: number;
  explanation: string;
  /** The scenario that shows the answer happening (its title comes from the scenario catalog). */
  scenario: ScenarioSlug;
}

export const QUIZ: QuizQuestion[] = [
  {
    id: "jwt-after-logout",
    prompt: "Alice logs out of the JWT pane (denylist off). An attacker copied her access token before. What does the attacker get when they send it now?",
    options: [
      "401 at once: logout revoked it on the server.",
      "200, until the token's exp: nothing on the server remembers that it was logged out.",
      "401, because the browser deleted the cookie it was in.",
    ],
    answer: 1,
    explanation:
      "A JWT is checked by its signature and its claims alone. Logout revokes the refresh family and clears Alice's cookies, but a copy of the access token stays valid until exp — the exposure window. A session cookie, by contrast, dies at logout because the server deletes its record.",
    scenario: "replay-after-logout",
  },
  {
    id: "denylist-cost",
    prompt: "Turning the JWT denylist on makes that copied token fail at once after logout. What does it cost?",
    options: [
      "Nothing: the check happens inside the signature verification.",
      "Bigger tokens, because the denylist travels inside each token.",
      "A store lookup on every request: the JWT becomes stateful, like a session.",
    ],
    answer: 2,
    explanation:
      "The server must ask its store \"is this jti revoked?\" on every request, which is exactly the lookup sessions do. The request flow shows one store query per JWT request once the denylist is on.",
    scenario: "replay-after-logout",
  },
  {
    id: "admin-revokes",
    prompt: "An admin revokes a user while both of the user's panes are signed in. What happens next?",
    options: [
      "The session dies on its next request; the JWT keeps working until exp, but it can no longer be refreshed.",
      "Both die at once: revocation is instant for every strategy.",
      "Neither notices until the user logs in again.",
    ],
    answer: 0,
    explanation:
      "Revoking deletes the user's sessions and refresh families on the server. A session is looked up on every request, so it fails at once; an access token is never looked up, so it lives until exp, and then the refresh that would renew it fails.",
    scenario: "admin-revokes-user",
  },
  {
    id: "role-change",
    prompt: "An admin demotes a user from admin to user. Which strategy sees the new role on the user's very next request?",
    options: [
      "The JWT, because the server re-signs it on every request.",
      "The session: it reads the current role from the database; the JWT keeps the old role claim until it is refreshed.",
      "Neither: roles only change at the next login.",
    ],
    answer: 1,
    explanation:
      "The session record points to the user, whose current role the server reads each time. The role in a JWT is a claim signed at issue time: it stays stale in the decoded payload until a refresh issues a new token.",
    scenario: "role-change",
  },
  {
    id: "tampering",
    prompt: "You edit a JWT's payload to say \"role\": \"admin\" and send it. What happens?",
    options: [
      "401: the signature no longer matches the header and payload.",
      "It works: the payload is only base64url, anyone can change it.",
      "It works until the server looks the user up in the database.",
    ],
    answer: 0,
    explanation:
      "Anyone can read and edit a JWT payload, but not re-sign it without the server's key. Changing one byte breaks the signature: 401 TOKEN_SIGNATURE_INVALID. Setting alg to \"none\" is refused too; a session seal with one character flipped cannot be unsealed.",
    scenario: "tampering",
  },
  {
    id: "expiry-refresh",
    prompt: "The access token has expired, the refresh token has not. How does the client get back in without the password?",
    options: [
      "It sends the expired access token again; the server extends it.",
      "It logs in again: an expired access token ends the login.",
      "It posts to the refresh endpoint (the refresh cookie is only ever sent to /api/auth/jwt/…) and gets a new access token and a new refresh token.",
    ],
    answer: 2,
    explanation:
      "Short-lived access tokens limit the exposure window; the long-lived refresh token, whose cookie Path keeps it away from every other request, buys new ones. Each refresh rotates the refresh token too. Move the demo clock past the access lifetime to see the 401 and the refresh that fixes it.",
    scenario: "expiry",
  },
  {
    id: "stolen-refresh",
    prompt: "An attacker replays a refresh token that the legitimate client already used. What does the server do?",
    options: [
      "Gives the attacker a new access token: the refresh token is still within its lifetime.",
      "Treats it as theft: revokes the whole token family, so attacker and victim are both logged out, and records the event.",
      "Ignores it and answers 304 Not Modified.",
    ],
    answer: 1,
    explanation:
      "Refresh tokens are single use. A spent one coming back (outside the short grace window for concurrent retries) means two parties hold copies, and the server cannot tell which one is legitimate — so it revokes the family.",
    scenario: "stolen-refresh-token",
  },
  {
    id: "xss-storage",
    prompt: "A script is injected into the page (XSS). Where can it read the access token from?",
    options: [
      "From an HttpOnly cookie, through document.cookie.",
      "From localStorage: any script on the page can read it. An HttpOnly cookie is not readable by scripts at all.",
      "Nowhere: browsers isolate tokens from page scripts.",
    ],
    answer: 1,
    explanation:
      "HttpOnly hides a cookie from document.cookie: the browser sends it but no script can read it. A token in localStorage (or in page memory the script can reach) is readable — and can be sent anywhere. The script can still act within the page while it runs; it just cannot take the token with it.",
    scenario: "where-the-token-lives",
  },
  {
    id: "csrf-bearer",
    prompt: "Why can a cross-site form never forge a request authenticated with an Authorization: Bearer header?",
    options: [
      "Because Bearer tokens are encrypted.",
      "Because the server checks the Referer header on Bearer requests.",
      "Because a form cannot set headers: the browser attaches cookies automatically, but never an Authorization header.",
    ],
    answer: 2,
    explanation:
      "CSRF works because browsers attach cookies to cross-site requests. A Bearer token is added by the page's own code, which another site cannot run. Cookie-authenticated actions need their own defence: SameSite cookies and an origin check, which refuse the cross-site post.",
    scenario: "csrf",
  },
  {
    id: "fixation",
    prompt: "Why does the server issue a brand-new session id when you log in?",
    options: [
      "So that an id planted in the browser before login (session fixation) is worthless after it.",
      "To make the cookie shorter.",
      "Because iron-session cannot update an existing seal.",
    ],
    answer: 0,
    explanation:
      "If the id stayed the same, an attacker who set it before the victim logged in would share the victim's logged-in session. A fresh id at every login (and privilege change) leaves the pre-login id dead.",
    scenario: "session-fixation",
  },
];
