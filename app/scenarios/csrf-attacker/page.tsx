import { headers } from "next/headers";
import { CrossSiteProbe } from "./cross-site-probe";

export const metadata = { title: "Another site tries a Bearer request — AuthLab CSRF demo" };

/**
 * The CSRF scenario's second attacker page. Opened on this server's other loopback name, it is a
 * different site to the browser; it tries what a form never can — a request with an Authorization
 * header — and reports to the lab window what happened and what it could see.
 */
export default async function CrossSiteAttackerPage() {
  const host = (await headers()).get("host") ?? "localhost";
  const hostname = host.split(":")[0] ?? host;
  return (
    <div className="mx-auto max-w-2xl space-y-3 rounded-lg border-2 border-red-400 bg-white p-5">
      <h1 className="text-xl font-bold text-red-800">evil-site.example (played by {hostname})</h1>
      <p className="text-sm">
        This page belongs to another site. A form cannot add an <code>Authorization</code> header, so it tries a script instead: a{" "}
        <code>fetch()</code> with a Bearer header to the lab&apos;s “log out everywhere”. It also looks for the lab&apos;s token in what it can read.
      </p>
      <CrossSiteProbe />
    </div>
  );
}
