"use client";

import { useState } from "react";
import type { LabProgress } from "@/lib/challenges/view";
import { ChallengeCard } from "./challenge-card";

/** The lab's challenges and its progress, updated from the server's answer to each check. */
export function ChallengeList({ initial, origin, labHeader }: { initial: LabProgress; origin: string; labHeader: string | null }) {
  const [progress, setProgress] = useState(initial);
  return (
    <div className="space-y-4">
      <p role="status" aria-label="Challenge progress" className="text-lg font-semibold">
        Solved {progress.solvedCount} of {progress.total} in this lab
      </p>
      <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
        {progress.challenges.map((challenge) => (
          <ChallengeCard
            key={challenge.id}
            challenge={challenge}
            origin={origin}
            labHeader={labHeader}
            onSolved={(id, answer) =>
              setProgress((previous) => {
                const challenges = previous.challenges.map((c) => (c.id === id ? { ...c, solved: true, solvedAt: answer.solvedAt, lesson: answer.lesson } : c));
                return { ...previous, challenges, solvedCount: challenges.filter((c) => c.solved).length };
              })
            }
          />
        ))}
      </div>
    </div>
  );
}
