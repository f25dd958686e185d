import { cookies, headers } from "next/headers";
import { pageContext } from "@/lib/auth/dal";
import { labProgress } from "@/lib/challenges/progress";
import { labCookieName } from "@/lib/labs/lab-cookie";
import { ChallengeList } from "../components/challenges/challenge-list";

export const metadata = { title: "Challenges — AuthLab" };

/**
 * /challenges: goals to reach with the panes, the workbench and copied requests. Each card's Check
 * asks the server, which decides from what really happened in this lab; progress is the lab's.
 */
export default async function ChallengesPage() {
  const ctx = await pageContext();
  const progress = await labProgress(ctx.lab.id);
  // For the curl lines: the lab cookie's value is what the X-AuthLab-Lab header carries.
  const labHeader = (await cookies()).get(labCookieName())?.value ?? null;
  const host = (await headers()).get("host") ?? "localhost:3000";
  return (
    <div className="space-y-4">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Challenges</h1>
        <p className="max-w-4xl text-slate-700">
          Eight goals, each reached by doing it: with the lab&apos;s panes, the token workbench and requests you copy. Hints come one at a time. When you press
          Check, the <strong>server</strong> decides whether you did it — from its own stores, its own verification of the token you give it and the events it recorded
          in your lab — never from anything this page says. Progress belongs to your lab ({ctx.lab.isDefault ? "the server's shared default lab" : <code>{ctx.lab.id}</code>}); resetting the lab
          clears it.
        </p>
      </header>
      <ChallengeList initial={progress} origin={`http://${host}`} labHeader={labHeader} />
    </div>
  );
}
