import { pageContext, verifyRequest } from "@/lib/auth/dal";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import { StoreUnavailableError } from "@/lib/errors";
import type { SignedInIdentity } from "../components/instructor/admin-access";
import { ChallengeProgress } from "../components/challenges/challenge-progress";
import { InstructorPanel } from "../components/instructor/instructor-panel";

export const metadata = { title: "Instructor tools — AuthLab" };

/**
 * Instructor tools. The page is open to everyone (settings are not secret); the server accepts
 * setting changes only from an admin, and this page says so and offers an admin sign-in.
 */
export default async function InstructorPage() {
  const identities: SignedInIdentity[] = [];
  const unchecked: AuthMode[] = [];
  let lab: { id: string; isDefault: boolean } | null = null;
  for (const mode of AUTH_MODES) {
    try {
      const { result, ctx } = await verifyRequest(mode);
      lab = { id: ctx.lab.id, isDefault: ctx.lab.isDefault };
      if (result.ok) identities.push({ mode, email: result.user.email, role: result.user.role });
    } catch (error) {
      // A store that is down (or this lab's outage switch) must not take the instructor's page with it.
      if (!(error instanceof StoreUnavailableError)) throw error;
      unchecked.push(mode);
      const ctx = await pageContext(mode);
      lab = { id: ctx.lab.id, isDefault: ctx.lab.isDefault };
    }
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Instructor tools</h1>
        <p className="mt-1 max-w-3xl text-slate-700">Run the classic demos live: move the clock, change lifetimes and the denylist while the class watches, and reset everything between runs.</p>
        {lab ? (
          <p className="mt-2 max-w-3xl rounded border-l-4 border-indigo-400 bg-indigo-50 p-3 text-sm" data-testid="instructor-lab">
            Everything here acts on{" "}
            {lab.isDefault ? (
              <strong>the server&apos;s shared default lab</strong>
            ) : (
              <>
                <strong>this browser&apos;s own lab</strong> (<code>{lab.id}</code>)
              </>
            )}{" "}
            and nothing else: learners on this server each have a lab of their own, which your changes do not reach. To demo on the projector, drive this browser&apos;s lab;
            the class runs theirs on their own devices.
          </p>
        ) : null}
      </div>
      {unchecked.length ? (
        <p role="status" className="max-w-3xl rounded border-l-4 border-red-500 bg-red-50 p-3 text-sm text-red-950" data-testid="instructor-unchecked">
          The {unchecked.map((m) => (m === "session" ? "session" : "JWT")).join(" and ")} credential of this browser could not be checked: its store is unavailable (or this lab&apos;s outage switch is on).
          Nothing was cleared: you are still signed in. To act as the lab&apos;s admin meanwhile, sign in below (a JWT needs no store while the denylist is off); the outage
          switch itself checks its admin past the outage, so it can always be turned off.
        </p>
      ) : null}
      <InstructorPanel identities={identities} labIsDefault={lab?.isDefault ?? false} unchecked={unchecked} />
      <ChallengeProgress />
    </div>
  );
}
