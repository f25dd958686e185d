import { headers } from "next/headers";
import { isCsrfDemoLabShape } from "@/lib/labs/lab-cookie";
import { AutoSubmit } from "./auto-submit";

export const metadata = { title: "A page on another site — AuthLab CSRF demo" };

/**
 * The "attacker's" page for the CSRF scenario. Open it on the other origin of this same server
 * (127.0.0.1 when the lab runs on localhost, and the other way round): a different site as far as
 * the browser is concerned. It auto-submits a plain HTML form against the lab's session logout-all.
 */
export default async function CsrfAttackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const lab = (await searchParams).lab;
  const hostname = (await headers()).get("host")?.split(":")[0] === "127.0.0.1" ? "127.0.0.1" : "localhost";
  // The victim is always this very server under its other name, on the port it listens on: never
  // a host or port taken from the request (a forged Host header must not aim the form anywhere).
  const victimHost = hostname === "127.0.0.1" ? "localhost" : "127.0.0.1";
  // Which lab the forged request is aimed at, so the refusal is recorded there: the lab's signed
  // `<labId>.<tag>` (it grants nothing else), forwarded only if it has that shape; the server verifies it.
  const labQuery = isCsrfDemoLabShape(lab) ? `?lab=${lab}` : "";
  const action = `http://${victimHost}:${process.env.PORT ?? "3000"}/api/auth/session/logout-all${labQuery}`;
  return (
    <div className="mx-auto max-w-2xl space-y-3 rounded-lg border-2 border-red-400 bg-white p-5">
      <h1 className="text-xl font-bold text-red-800">evil-site.example (played by {hostname})</h1>
      <p className="text-sm">
        This page belongs to another site. It submits an ordinary HTML form to <code className="break-all">{action}</code>, hoping your browser attaches your
        session cookie. It cannot add an <code>Authorization</code> header: HTML forms cannot set headers, which is why Bearer tokens are immune to this attack.
      </p>
      <form id="csrf-form" method="POST" action={action} encType="text/plain">
        <input type="hidden" name='{"forged":' value='"yes"}' />
        <button type="submit" className="min-h-9 rounded bg-red-700 px-3 py-1 text-white">Submit the forged request</button>
      </form>
      <AutoSubmit formId="csrf-form" />
    </div>
  );
}
