const UNITS = [
  { seconds: 86_400, name: "d" },
  { seconds: 3600, name: "h" },
  { seconds: 60, name: "min" },
  { seconds: 1, name: "s" },
] as const;

/**
 * A duration as a person reads it, largest units first, at most two of them:
 * `formatDuration(960)` → "16 min", `formatDuration(4500)` → "1 h 15 min", `formatDuration(0)` → "0 s".
 * The second unit is dropped only when it is zero; smaller remainders are dropped to keep it short.
 */
export function formatDuration(totalSeconds: number): string {
  let rest = Math.max(0, Math.round(totalSeconds));
  if (rest === 0) return "0 s";
  const parts: string[] = [];
  for (const unit of UNITS) {
    if (parts.length === 2) break;
    const count = Math.floor(rest / unit.seconds);
    rest -= count * unit.seconds;
    if (count > 0) parts.push(`${count} ${unit.name}`);
    else if (parts.length === 1) break;
  }
  return parts.join(" ");
}
