import { redirect } from "next/navigation";
import { verifyRequest } from "@/lib/auth/dal";
import { TraceView } from "../components/trace-view";
import { LogoutButton } from "./logout-button";
import { PasswordForm } from "./password-form";

export const metadata = { title: "Dashboard — AuthLab" };

/** Protected: the proxy already checked, and this page checks again through the data-access layer. */
export default async function DashboardPage() {
  const { mode, result, trace } = await verifyRequest();
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
