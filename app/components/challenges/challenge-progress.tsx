"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import type { LabProgress } from "@/lib/challenges/view";
import { apiFetch } from "../api-client";
import { useReloadOnLabActivity } from "../lab/use-lab-events";

/** The lab's challenge progress for the instructor: re-read after a reset (which clears it). */
export function ChallengeProgress() {
  const [progress, setProgress] = useState<LabProgress | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    const answer = await apiFetch<LabProgress>("/api/challenges");
    if (answer.ok) {
      setProgress(answer.data);
      setFailed(false);
    } else setFailed(true);
  }, []);
  // A reset announces itself like every lab action: the progress it cleared is read again.
  useReloadOnLabActivity(reload);

  return (
    <section aria-labelledby="challenge-progress-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="challenge-progress-heading" className="text-xl font-bold">
        Challenges in this lab
      </h2>
      {progress ? (
        <>
          <p role="status" aria-label="Challenges solved in this lab" className="font-semibold">
            {progress.solvedCount} of {progress.total} solved
          </p>
          <ul className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            {progress.challenges.map((c) => (
              <li key={c.id} data-solved={c.solved ? "yes" : "no"}>
                {c.solved ? "✓" : "○"} {c.title}
                {c.solvedAt ? <span className="text-slate-700"> — solved {new Date(c.solvedAt).toISOString().slice(11, 19)} UTC</span> : null}
              </li>
            ))}
          </ul>
          <p className="text-sm">
            <Link href="/challenges" className="inline-flex min-h-6 items-center text-indigo-800 underline">
              Open the challenges
            </Link>{" "}
            — “Reset this lab” (above) clears this progress too.
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-700">{failed ? "The lab's progress could not be read." : "Reading the challenges…"}</p>
      )}
    </section>
  );
}
