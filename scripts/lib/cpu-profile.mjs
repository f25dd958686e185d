// A V8 CPU profile (`node --cpu-prof`) as self time by source file and by layer: frames of a bundled
// chunk (.next/…) are mapped back to their source through the chunk's source map.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

const maps = new Map();

function sourceMapOf(url) {
  if (!maps.has(url)) {
    let map = null;
    try {
      const file = url.startsWith("file://") ? fileURLToPath(url) : url;
      if (file.includes("/.next/") && existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** The source file a frame's code came from: `lib/…`, `node_modules/next/…`, `node:…`, or `(native)`. */
export function sourceOf(callFrame) {
  const { url, lineNumber, columnNumber, functionName } = callFrame;
  if (!url) return `(${functionName || "native"})`;
  const entry = sourceMapOf(url)?.findEntry(lineNumber, columnNumber);
  const source = entry && "originalSource" in entry ? entry.originalSource : url;
  return source
    .replace(/^file:\/\//, "")
    .replace(/^.*?\/(node_modules|lib|app|scripts)\//, "$1/")
    .replace(/^(\.\.\/)+/, "")
    .replace(/^\[project\]\//, "");
}

export function layerOf(source) {
  if (/^(lib|app)\/|^proxy\.ts|^instrumentation/.test(source)) return "AuthLab (lib/, app/, proxy.ts)";
  if (/^scripts\//.test(source)) return "AuthLab server entry (scripts/)";
  if (/node_modules\/next\//.test(source)) return "Next.js";
  if (/node_modules\//.test(source)) return "other packages";
  if (/async_hooks|async_context/.test(source)) return "async context (AsyncLocalStorage)";
  if (/garbage collector/.test(source)) return "garbage collection";
  return "Node.js (HTTP, streams, natives)";
}

/**
 * Busy self time (µs; idle and "program" left out) by source file and by layer, over the samples
 * after `skip` (a fraction) or within the profile's last `lastMs`.
 */
export function cpuBySource(profile, { skip = 0, lastMs } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const times = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    times.push(t);
  }
  const from = lastMs === undefined ? times[Math.floor(times.length * skip)] ?? profile.startTime : profile.endTime - lastMs * 1000;
  const bySource = new Map();
  const byLayer = new Map();
  let busyUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    if (times[i] < from) continue;
    const node = nodes.get(profile.samples[i]);
    const name = node.callFrame.functionName;
    if (name === "(idle)" || name === "(program)") continue;
    const us = profile.timeDeltas[i] ?? 0;
    busyUs += us;
    const source = name === "(garbage collector)" ? "(garbage collector)" : sourceOf(node.callFrame);
    bySource.set(source, (bySource.get(source) ?? 0) + us);
    const layer = layerOf(source);
    byLayer.set(layer, (byLayer.get(layer) ?? 0) + us);
  }
  return { busyUs, bySource, byLayer };
}
