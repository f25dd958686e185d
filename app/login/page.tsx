import { ERRORS, type ErrorCode } from "@/lib/errors";
import { safeNextPath } from "@/lib/safe-next";
import { DEMO_USERS } from "@/lib/users/demo-users";
import { LoginForm } from "./login-form";

export const metadata = { title: "Log in — AuthLab" };

function reasonText(reason: string | undefined): string | null {
  if (!reason || !(reason in ERRORS)) return null;
  return ERRORS[reason as ErrorCode].message;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(typeof params.next === "string" ? params.next : null);
  const reason = reasonText(typeof params.reason === "string" ? params.reason : undefined);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-2xl font-bold">Log in</h1>
      <p className="mb-4 text-sm text-slate-600">
        Choose how the server should remember you: a <strong>session</strong> (an opaque cookie the server looks up) or a <strong>JWT</strong> (a signed token the server only verifies).
      </p>
      {reason ? (
        <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          You were sent here because: {reason}
        </p>
      ) : null}
      <LoginForm next={next} demoUsers={DEMO_USERS.map((u) => ({ email: u.email, password: u.password, role: u.role }))} />
    </div>
  );
}
