#!/usr/bin/env node
// node scripts/profile-summary.mjs <file.cpuprofile> [top=30] [filter-regexp]
//
// Where a server's CPU went, from a V8 profile (`BENCH_PROFILE=1 npm run bench` writes one per
// server under tmp/bench/profiles): the functions with the most self time, then the most
// inclusive time (optionally only those whose name or file matches the filter). The first 40 % of
// the samples (start-up, warm-up) are skipped; PROFILE_SKIP=0.2 changes that. Last, the self time of
// everything but idle by source file — bundled chunks are mapped back through their source maps —
// and by layer (AuthLab's code, Next.js, Node's HTTP and streams, async context, GC).
import { readFileSync } from "node:fs";
import { cpuBySource } from "./lib/cpu-profile.mjs";

const [file, topArg, filter] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/profile-summary.mjs <file.cpuprofile> [top] [filter-regexp]");
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);

const skip = Math.floor(profile.samples.length * Number(process.env.PROFILE_SKIP ?? 0.4));
const timeByNode = new Map();
for (let i = skip; i < profile.samples.length; i++) {
  timeByNode.set(profile.samples[i], (timeByNode.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...timeByNode.values()].reduce((a, b) => a + b, 0);

const label = (n) => {
  const where = n.callFrame.url.replace(/.*\/(node_modules|\.next)\//, "$1/").slice(-70);
  return `${n.callFrame.functionName || "(anonymous)"} ${where}:${n.callFrame.lineNumber}`;
};
const self = new Map();
const inclusive = new Map();
for (const [id, time] of timeByNode) {
  const name = label(nodes.get(id));
  self.set(name, (self.get(name) ?? 0) + time);
  // Each function counts once per sample, however deep it recurses.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const frame = label(nodes.get(cur));
    if (seen.has(frame)) continue;
    seen.add(frame);
    inclusive.set(frame, (inclusive.get(frame) ?? 0) + time);
  }
}

const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
const pattern = filter ? new RegExp(filter) : null;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled after the first ${Math.round(Number(process.env.PROFILE_SKIP ?? 0.4) * 100)} %`);
console.log("\nself time");
for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pct(t), name);
console.log(`\ninclusive time${pattern ? ` (matching ${pattern})` : ""}`);
for (const [name, t] of [...inclusive].filter(([name]) => !pattern || pattern.test(name)).sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pct(t), name);

const { busyUs, bySource, byLayer } = cpuBySource(profile, { skip: Number(process.env.PROFILE_SKIP ?? 0.4) });
const pctBusy = (t) => `${((100 * t) / busyUs).toFixed(1).padStart(5)} %`;
console.log(`\nself time by layer (of ${(busyUs / 1000).toFixed(0)} ms busy)`);
for (const [name, t] of [...byLayer].sort((a, b) => b[1] - a[1])) console.log(pctBusy(t), name);
console.log("\nself time by source file (of busy)");
for (const [name, t] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(pctBusy(t), name);
