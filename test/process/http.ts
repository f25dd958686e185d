// A client that holds credentials explicitly, as a script or a copied cookie would: no cookie jar,
// every header chosen by the test.
import type { TraceJSON } from "@/lib/trace/trace";

export const ALICE = { email: "alice@example.com", password: "wonderland-demo" };

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: { code: string; message: string }; trace?: TraceJSON };
  setCookies: string[];
}

export async function call<T = Record<string, unknown>>(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(new URL(path, base), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: "manual",
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Answer<T>["body"], setCookies: response.headers.getSetCookie() };
}

/** `name=value` of the cookie `name` among Set-Cookie headers (throws when absent: the test needs it). */
export function cookie(setCookies: string[], name: string): string {
  const found = setCookies.find((c) => c.startsWith(`${name}=`))?.split(";")[0];
  if (!found || found === `${name}=`) throw new Error(`no ${name} cookie in ${JSON.stringify(setCookies.map((c) => c.split("=")[0]))}`);
  return found;
}

export async function sessionLogin(base: string): Promise<string> {
  const answer = await call(base, "/api/auth/session/login", { method: "POST", body: ALICE });
  if (answer.status !== 200) throw new Error(`session login on ${base}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return cookie(answer.setCookies, "__Host-session");
}

export async function jwtLogin(base: string): Promise<{ accessToken: string; refreshCookie: string }> {
  const answer = await call<{ accessToken: string }>(base, "/api/auth/jwt/login", { method: "POST", body: ALICE });
  if (answer.status !== 200) throw new Error(`JWT login on ${base}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { accessToken: answer.body.accessToken, refreshCookie: cookie(answer.setCookies, "__Secure-refresh") };
}

export function meWithSession(base: string, sessionCookie: string) {
  return call(base, "/api/me?mode=session", { headers: { cookie: sessionCookie } });
}

export function meWithToken(base: string, accessToken: string) {
  return call(base, "/api/me?mode=jwt", { headers: { authorization: `Bearer ${accessToken}` } });
}
