"use client";

import { useActionState, useState } from "react";
import { IDLE } from "@/lib/forms/form-state";
import { adminSignInWithoutJavaScript } from "../../instructor/actions";
import { DEMO_USERS } from "@/lib/users/demo-users";
import { lab } from "../lab/lab-client";
import type { AdminAccess } from "./admin-access";

const DEMO_ADMIN = DEMO_USERS.find((user) => user.role === "admin")!;

interface TokenLogin {
  accessToken?: string;
  user?: { email: string; role: string };
  error?: { code: string; message: string };
}

/**
 * Gets an admin access token without touching cookies (`?cookies=none`), so the lab panes keep
 * whoever they are signed in as. The token stays in this page's memory: never in web storage.
 */
export function AdminSignIn({ onSignedIn }: { onSignedIn: (access: AdminAccess) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only reached when the browser submits the form itself (no JavaScript): a POST that refuses.
  const [withoutScript, refuse] = useActionState(adminSignInWithoutJavaScript, IDLE);

  async function signIn(user: { email: string; password: string }) {
    setBusy(true);
    setError(null);
    const exchange = await lab.adminToken({ ...user, role: "admin" });
    setBusy(false);
    const body = exchange.body as TokenLogin | null;
    if (!exchange.ok || !body?.accessToken || !body.user) {
      setError(`${body?.error?.message ?? "Sign-in failed."} (${exchange.code ?? exchange.status})`);
      return;
    }
    if (body.user.role !== "admin") {
      setError(`${body.user.email} is not an admin (role: ${body.user.role}), so the settings stay read-only.`);
      return;
    }
    setPassword("");
    onSignedIn({ kind: "bearer", token: body.accessToken, email: body.user.email });
  }

  return (
    <div className="space-y-3">
      <button
        type="button"
        disabled={busy}
        onClick={() => void signIn(DEMO_ADMIN)}
        className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-60"
      >
        Sign in as the demo admin ({DEMO_ADMIN.email})
      </button>
      <form
        action={refuse}
        method="post"
        onSubmit={(event) => {
          event.preventDefault();
          void signIn({ email, password });
        }}
        className="flex flex-wrap items-end gap-3 text-sm"
        aria-label="Sign in with another admin account"
      >
        <div>
          <label htmlFor="admin-email" className="block font-medium">Admin email</label>
          <input id="admin-email" name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1" />
        </div>
        <div>
          <label htmlFor="admin-password" className="block font-medium">Admin password</label>
          <input id="admin-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} className="mt-1 rounded border border-slate-300 px-2 py-1" />
        </div>
        <button type="submit" disabled={busy} className="rounded border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60">
          Sign in
        </button>
      </form>
      {withoutScript.status === "error" ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          {withoutScript.message} ({withoutScript.code})
        </p>
      ) : null}
      {error ? <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
    </div>
  );
}
