import { LabWorkspace } from "../components/lab/workspace";
import { TourPanel } from "../components/tour/tour-panel";

export const metadata = { title: "Guided tour — AuthLab" };

/** The guided tour: the lesson one step at a time above the live lab, whose panes the tour drives. */
export default async function TourPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const step = typeof params.step === "string" ? params.step : undefined;
  const presenter = params.presenter === "1";
  return (
    <div className="space-y-6">
      <TourPanel stepParam={step} presenter={presenter} />
      <section id="lab" aria-label="The lab" className="scroll-mt-4">
        <LabWorkspace />
      </section>
    </div>
  );
}
