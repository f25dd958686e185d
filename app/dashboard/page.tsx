import { redirect } from "next/navigation";
import { verifyRequest } from "@/lib/auth/dal";
import { StoreUnavailableError } from "@/lib/errors";
import { TraceView } from "../components/trace-view";
import { LogoutButton } from "./logout-button";
import { PasswordForm } from "./password-form";

export const metadata = { title: "Dashboard — AuthLab" };

/** Protected: the proxy already checked, and this page checks again through the data-access layer. */
export default async function DashboardPage() {
  let verified: Awaited<ReturnType<typeof verifyRequest>>;
  try {
    verified = await verifyRequest();
  } catch (error) {
    if (error instanceof StoreUnavailableError) return <StoreUnavailable store={error.backend} />;
    throw error;
  }
  const { mode, result, trace } = verified;
  if (!result.ok) redirect(`/login?next=/dashboard&reason=${result.code}`);
  const { user, credential } = result;
  return (
    <div className="space-y-6">
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <h1 className="text-2xl font-bold">Dashboard</h1>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-600">Signed in as</dt>
          <dd data-testid="dashboard-email">{user.email}</dd>
          <dt className="text-slate-600">Role</dt>
          <dd data-testid="dashboard-role">{user.role}</dd>
          <dt className="text-slate-600">Mode</dt>
          <dd data-testid="dashboard-mode">{mode === "session" ? "Session (cookie + server-side record)" : "JWT (signed access token)"}</dd>
          <dt className="text-slate-600">Credential</dt>
          <dd>
            {credential.source} · id <code>{credential.handle.slice(0, 12)}</code> · valid until {credential.expiresAt.toISOString()}
          </dd>
        </dl>
        <div className="mt-4">
          <LogoutButton mode={mode} />
        </div>
      </div>
      <PasswordForm />
      <TraceView trace={trace} title="How the server authenticated the request that rendered this page" />
    </div>
  );
}

/**
 * The credential could not be checked because its store is down. Not a redirect to the login page:
 * that would look like being logged out, and nothing happened to the cookie (the API answers the
 * same case with 503 STORE_UNAVAILABLE and Retry-After).
 */
function StoreUnavailable({ store }: { store: string | undefined }) {
  return (
    <div className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-5" role="alert">
      <h1 className="text-2xl font-bold">The dashboard is unavailable for a moment</h1>
      <p>
        The server could not check your credential: the store that holds it ({store === "redis" ? "Redis" : (store ?? "its store")}) refused the connection or did not answer within its time limit.
      </p>
      <p>
        <strong>You are still signed in.</strong> Your cookies were left untouched, so this page works again as soon as the store is back: reload in a few seconds.
      </p>
      <p className="text-sm text-slate-700">Why not the login page? Sending you there would look like a logout — and clearing cookies during an outage would log everybody out.</p>
    </div>
  );
}
