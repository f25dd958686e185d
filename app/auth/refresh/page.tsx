import { safeNextPath } from "@/lib/safe-next";
import { RefreshBounce } from "./refresh-bounce";

export const metadata = { title: "Refreshing — AuthLab" };

/**
 * The refresh cookie is scoped to /api/auth/jwt, so a page request never carries it. When the
 * access token has expired, the proxy sends the browser here; this page POSTs to the refresh
 * endpoint (which does receive the cookie) and then goes back.
 */
export default async function RefreshPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  return (
    <div className="mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-5">
      <h1 className="text-xl font-bold">Refreshing your access token…</h1>
      <p className="mt-2 text-sm text-slate-600">
        Your access token expired (or is missing). The browser sends the refresh cookie only to <code>/api/auth/jwt</code>, so this page asks that endpoint for a new pair.
      </p>
      <RefreshBounce next={next} />
    </div>
  );
}
