/** The requests a learner may copy into a shell, after the two lines that name this server and this lab. */
export function CurlLines({ lines, origin, labHeader }: { lines: readonly string[]; origin: string; labHeader: string | null }) {
  const preamble = [`ORIGIN=${origin}`, labHeader ? `LAB='X-AuthLab-Lab: ${labHeader}'` : "LAB='X-AuthLab-Lab;'  # empty: the default lab"];
  return (
    <details className="text-sm">
      <summary className="min-h-6 cursor-pointer font-medium">The same with curl</summary>
      <pre className="mt-1 whitespace-pre-wrap break-all rounded bg-slate-900 px-2 py-1 font-mono text-xs text-slate-100">{[...preamble, ...lines].join("\n")}</pre>
    </details>
  );
}
