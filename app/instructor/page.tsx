import { verifyRequest } from "@/lib/auth/dal";
import { AUTH_MODES } from "@/lib/auth/types";
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
  let lab: { id: string; isDefault: boolean } | null = null;
  for (const mode of AUTH_MODES) {
    const { result, ctx } = await verifyRequest(mode);
    lab = { id: ctx.lab.id, isDefault: ctx.lab.isDefault };
    if (result.ok) identities.push({ mode, email: result.user.email, role: result.user.role });
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
      <InstructorPanel identities={identities} />
      <ChallengeProgress />
    </div>
  );
}
