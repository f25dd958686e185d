const ROWS: { topic: string; session: string; jwt: string }[] = [
  { topic: "Each request costs", session: "Unseal + one store lookup", jwt: "A signature check; no store (one lookup with the denylist)" },
  { topic: "Logout and revocation", session: "Immediate: the record is deleted", jwt: "At exp; immediate only with the denylist" },
  { topic: "Role changes", session: "Seen on the next request", jwt: "Seen after the next refresh" },
  { topic: "Several services or instances", session: "Need a shared store", jwt: "Verify on their own with the key (or JWKS)" },
  { topic: "What the browser holds", session: "An opaque seal", jwt: "Readable claims (signed, not secret)" },
  { topic: "Cross-site requests (CSRF)", session: "Cookie: needs SameSite + an origin check", jwt: "A Bearer header cannot be forged by a form; a cookie can" },
];

/** The closing comparison: what each strategy costs and gives, as the tour showed it. */
export function ComparisonTable() {
  return (
    <table className="w-full border-collapse text-left">
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
            <th scope="row" className="py-2 pr-4 font-medium">{row.topic}</th>
            <td className="py-2 pr-4">{row.session}</td>
            <td className="py-2">{row.jwt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
