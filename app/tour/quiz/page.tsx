import Link from "next/link";
import { KnowledgeCheck } from "../../components/tour/knowledge-check";

export const metadata = { title: "Knowledge check — AuthLab" };

export default function QuizPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/tour?step=7" className="inline-flex min-h-8 items-center text-blue-800 underline">← Back to the tour</Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">Knowledge check</h1>
        <p className="mt-1 text-slate-700">Ten questions on what the tour showed. Pick an answer and check it: each one is explained, with a link to the scenario that runs it for real on both strategies.</p>
      </div>
      <KnowledgeCheck />
    </div>
  );
}
