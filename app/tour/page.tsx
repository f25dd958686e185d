import { TourStage } from "../components/tour/tour-stage";

export const metadata = { title: "Guided tour — AuthLab" };

/** The guided tour: the lesson one step at a time above the live lab, whose panes the tour drives. */
export default async function TourPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const step = typeof params.step === "string" ? params.step : undefined;
  const presenter = params.presenter === "1";
  return <TourStage stepParam={step} presenter={presenter} />;
}
