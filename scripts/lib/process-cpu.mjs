// CPU time a server process (and any children it forked) has used, read from /proc: the figure
// that stays steady on a shared machine when req/s wanders. Linux only; elsewhere null.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";

let ticksPerSecond;

function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of one process in clock ticks, with the pid of its parent. */
function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may hold spaces and parentheses: the fields start after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/** The process and every descendant, by walking /proc once. */
function tree(rootPid) {
  const parentOf = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parentOf.set(Number(entry), stat(entry).ppid);
    } catch {
      // exited while we looked
    }
  }
  const members = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parentOf) {
      if (!members.has(pid) && members.has(ppid)) {
        members.add(pid);
        grew = true;
      }
    }
  }
  return [...members];
}

/** Microseconds of CPU used so far by `pid` and its descendants, or null where /proc is absent. */
export function cpuMicros(pid) {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return null;
  let ticks = 0;
  for (const member of tree(pid)) {
    try {
      ticks += stat(member).ticks;
    } catch {
      // exited while we looked
    }
  }
  return (ticks * 1e6) / clockTicks();
}
