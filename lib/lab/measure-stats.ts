/** Small statistics for the lab's measurements; pure, so they are unit-tested on their own. */

/** Nearest-rank percentile (p in 0…100) of unsorted samples; 0 for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * Step durations in µs from a `Server-Timing` header as this app writes it
 * (`0-unseal;dur=0.123;desc="…"`, one metric per step, in order). The `<index>-` prefix is dropped,
 * so a step that ran twice appears twice under one name.
 */
export function parseServerTiming(header: string | null): { name: string; us: number }[] {
  if (!header) return [];
  const out: { name: string; us: number }[] = [];
  for (const metric of header.split(/,(?=\s*\d+-)/)) {
    const match = /^\s*\d+-([\w-]+)(?:;[^;]*)*?;dur=([\d.]+)/.exec(metric);
    if (match?.[1] && match[2]) out.push({ name: match[1], us: Math.round(Number(match[2]) * 1000) });
  }
  return out;
}

/** Per step name, the median µs over many requests' headers. */
export class StepTimings {
  private readonly byName = new Map<string, number[]>();

  add(header: string | null): void {
    for (const { name, us } of parseServerTiming(header)) {
      const list = this.byName.get(name);
      if (list) list.push(us);
      else this.byName.set(name, [us]);
    }
  }

  medians(): Record<string, number> {
    return Object.fromEntries([...this.byName].map(([name, values]) => [name, median(values)]));
  }
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
