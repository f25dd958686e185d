import { verifyRequest } from "@/lib/auth/dal";
import { AUTH_MODES } from "@/lib/auth/types";
import type { SignedInIdentity } from "../components/instructor/admin-access";
import { InstructorPanel } from "../components/instructor/instructor-panel";

export const metadata = { title: "Instructor tools — AuthLab" };

/**
 * Instructor tools. The page is open to everyone (settings are not secret); the server accepts
 * setting changes only from an admin, and this page says so and offers an admin sign-in.
 */
export default async function InstructorPage() {
  const identities: SignedInIdentity[] = [];
  for (const mode of AUTH_MODES) {
    const { result } = await verifyRequest(mode);
    if (result.ok) identities.push({ mode, email: result.user.email, role: result.user.role });
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Instructor tools</h1>
        <p className="mt-1 max-w-3xl text-slate-700">Run the classic demos live: move the clock, change lifetimes and the denylist while the class watches, and reset everything between runs.</p>
      </div>
      <InstructorPanel identities={identities} />
    </div>
  );
}
