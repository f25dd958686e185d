import { PART_COLOURS } from "./styles";

/** The compact token with each part in its colour, as jwt.io shows it; the dots stay black. */
export function ColouredToken({ token, label }: { token: string; label: string }) {
  const [header = "", payload = "", ...rest] = token.split(".");
  const signature = rest.join(".");
  return (
    <p aria-label={label} className="rounded border border-slate-200 bg-slate-50 p-2 font-mono text-sm break-all">
      <span className={PART_COLOURS.header.text}>{header}</span>.<span className={PART_COLOURS.payload.text}>{payload}</span>.<span className={PART_COLOURS.signature.text}>{signature}</span>
    </p>
  );
}
