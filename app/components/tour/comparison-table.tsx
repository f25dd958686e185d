import { RichText } from "../glossary/rich-text";
import { ScrollTable } from "../scroll-table";

const ROWS: { topic: string; session: string; jwt: string }[] = [
  { topic: "Each request costs", session: "[[unseal|Unseal]] + one store lookup", jwt: "A [[signature]] check; no store (one lookup with the [[denylist]])" },
  { topic: "Logout and revocation", session: "Immediate: the record is deleted", jwt: "At [[exp]]; immediate only with the denylist" },
  { topic: "Role changes", session: "Seen on the next request", jwt: "Seen after the next refresh" },
  { topic: "Several services or instances", session: "Need a shared store", jwt: "Verify on their own with the key (or [[jwks|JWKS]])" },
  { topic: "What the browser holds", session: "An [[opaque]] [[seal]]", jwt: "Readable [[claims]] (signed, not secret)" },
  { topic: "Cross-site requests ([[csrf|CSRF]])", session: "Cookie: needs [[samesite|SameSite]] + an [[origin-check|origin check]]", jwt: "A [[bearer|Bearer header]] cannot be forged by a form; a cookie can" },
];

/** The closing comparison: what each strategy costs and gives, as the tour showed it. */
export function ComparisonTable() {
  return (
    <ScrollTable label="Sessions and JWT compared">
    <table className="w-full min-w-[34rem] border-collapse text-left">
      <caption className="sr-only">Sessions and JWT compared</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">&nbsp;</th>
          <th scope="col" className="py-2 pr-4 text-session">Session</th>
          <th scope="col" className="py-2 text-jwt">JWT</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => (
          <tr key={row.topic} className="border-b border-slate-200 align-top">
            <th scope="row" className="py-2 pr-4 font-medium">
              <RichText text={row.topic} />
            </th>
            <td className="py-2 pr-4">
              <RichText text={row.session} />
            </td>
            <td className="py-2">
              <RichText text={row.jwt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollTable>
  );
}
