import Link from "next/link";
import { Term } from "./components/glossary/term";
import { StartHere } from "./components/lab/start-here";
import { LabWorkspace } from "./components/lab/workspace";

export default function LabPage() {
  return (
    <div className="space-y-4">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Sessions vs JWT, side by side</h1>
        <p className="max-w-4xl text-slate-700">
          <Term id="stateless">HTTP is stateless</Term>, so every request must carry proof of who sent it. The <strong>Session</strong> pane sends an{" "}
          <Term id="opaque">opaque</Term> id the server looks up in its store; the <strong>JWT</strong> pane sends a signed token the server only checks. Both live in
          this browser at once (the active mode in the header picks which one guards the{" "}
          <Link href="/dashboard" prefetch={false} className="underline">
            dashboard
          </Link>
          ). Press a button and watch what the server did.
        </p>
      </header>
      <StartHere />
      <LabWorkspace />
    </div>
  );
}
