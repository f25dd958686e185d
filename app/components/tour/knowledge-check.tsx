"use client";

import Link from "next/link";
import { useState } from "react";
import { scenarioInfo } from "@/lib/scenarios/catalog";
import { QUIZ, type QuizQuestion } from "./quiz-questions";

interface Answer {
  choice: number;
  checked: boolean;
}

function Question({ question, index, answer, onChoose, onCheck }: { question: QuizQuestion; index: number; answer: Answer | undefined; onChoose: (choice: number) => void; onCheck: () => void }) {
  const checked = answer?.checked ?? false;
  const correct = checked && answer?.choice === question.answer;
  const name = `q-${question.id}`;
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-5">
      <fieldset disabled={checked}>
        <legend className="font-semibold">
          <span className="text-slate-600">Question {index + 1} of {QUIZ.length}. </span>
          {question.prompt}
        </legend>
        <div className="mt-3 space-y-2">
          {question.options.map((option, i) => (
            <label key={option} className="flex items-start gap-2">
              <input type="radio" name={name} value={i} checked={answer?.choice === i} onChange={() => onChoose(i)} className="mt-1" />
              <span>
                {option}
                {checked && i === question.answer ? <strong className="ml-2 text-emerald-800">← the right answer</strong> : null}
                {checked && i === answer?.choice && i !== question.answer ? <strong className="ml-2 text-red-800">← your answer</strong> : null}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {checked ? (
        <div className={`mt-3 rounded border p-3 ${correct ? "border-emerald-400 bg-emerald-50" : "border-amber-400 bg-amber-50"}`} role="status">
          <p className="font-semibold">{correct ? "✓ Correct." : "✗ Not quite."}</p>
          <p className="mt-1 text-slate-800">{question.explanation}</p>
          <p className="mt-2">
            <Link href={`/scenarios/${question.scenario}`} className="font-medium text-blue-800 underline">
              See it happen: {scenarioInfo(question.scenario).title} scenario
            </Link>
          </p>
        </div>
      ) : (
        <button
          type="button"
          disabled={answer === undefined}
          onClick={onCheck}
          aria-label={`Check answer ${index + 1}`}
          className="mt-3 rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 disabled:opacity-50"
        >
          Check answer
        </button>
      )}
    </li>
  );
}

/** Ten questions on what the tour showed. Each answer is explained and points to the scenario that demonstrates it. */
export function KnowledgeCheck() {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const answered = QUIZ.filter((q) => answers[q.id]?.checked);
  const correct = answered.filter((q) => answers[q.id]?.choice === q.answer).length;
  const done = answered.length === QUIZ.length;

  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-10 flex flex-wrap items-center gap-4 rounded-lg border border-slate-300 bg-white/95 p-3 shadow-sm">
        <p role="status" aria-live="polite" className="text-lg" data-testid="quiz-score">
          Score: <strong>{correct} of {QUIZ.length}</strong> correct · {answered.length} of {QUIZ.length} answered
          {done ? <span> — {correct === QUIZ.length ? "all right: you could teach this." : "open the linked scenarios for the ones you missed."}</span> : null}
        </p>
        <button type="button" onClick={() => setAnswers({})} className="ml-auto rounded border border-slate-300 bg-white px-3 py-1 hover:bg-slate-100">
          Start over
        </button>
      </div>
      <ol className="space-y-4">
        {QUIZ.map((question, index) => (
          <Question
            key={question.id}
            question={question}
            index={index}
            answer={answers[question.id]}
            onChoose={(choice) => setAnswers((previous) => ({ ...previous, [question.id]: { choice, checked: false } }))}
            onCheck={() => setAnswers((previous) => {
              const current = previous[question.id];
              return current ? { ...previous, [question.id]: { ...current, checked: true } } : previous;
            })}
          />
        ))}
      </ol>
    </div>
  );
}
