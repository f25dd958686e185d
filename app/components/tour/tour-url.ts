/** The tour's place lives in the URL, so a link or a reload lands on the same step and mode. */
export function tourHref(step: number, presenter: boolean): string {
  return `/tour?step=${step}${presenter ? "&presenter=1" : ""}`;
}

/** `?step=` as a 1-based step number within the tour; anything else is step 1. */
export function parseStep(raw: string | undefined, count: number): number {
  const step = Number(raw);
  return Number.isInteger(step) && step >= 1 && step <= count ? step : 1;
}
