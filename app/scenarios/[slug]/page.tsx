import Link from "next/link";
import { notFound } from "next/navigation";
import { ScenarioRunner } from "@/app/components/scenarios/scenario-runner";
import { isScenarioSlug, SCENARIO_SLUGS, SCENARIOS, scenarioInfo } from "@/lib/scenarios/catalog";

export function generateStaticParams() {
  return SCENARIO_SLUGS.map((slug) => ({ slug }));
}

export const dynamicParams = false;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return { title: isScenarioSlug(slug) ? `${scenarioInfo(slug).title} — AuthLab scenario` : "Scenario — AuthLab" };
}

/** One scenario, one URL: `/scenarios/<slug>`; `?run=1` starts it at once. */
export default async function ScenarioPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  if (!isScenarioSlug(slug)) notFound();
  const autoRun = (await searchParams).run === "1";
  const index = SCENARIOS.findIndex((s) => s.slug === slug);
  const previous = SCENARIOS[index - 1];
  const next = SCENARIOS[index + 1];
  return (
    <div className="space-y-6">
      <nav aria-label="Scenario navigation" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/scenarios" className="inline-flex min-h-8 items-center hover:underline">
          ← All scenarios
        </Link>
        {previous ? (
          <Link href={`/scenarios/${previous.slug}`} className="inline-flex min-h-8 items-center hover:underline">
            Previous: {previous.title}
          </Link>
        ) : null}
        {next ? (
          <Link href={`/scenarios/${next.slug}`} className="inline-flex min-h-8 items-center hover:underline">
            Next: {next.title}
          </Link>
        ) : null}
      </nav>
      <ScenarioRunner key={slug} slug={slug} autoRun={autoRun} />
    </div>
  );
}
