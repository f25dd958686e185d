import Link from "next/link";
import { LabWorkspace } from "./components/lab/workspace";

export default function LabPage() {
  return (
    <div className="space-y-4">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Sessions vs JWT, side by side</h1>
        <p className="max-w-4xl text-slate-700">
          HTTP is stateless, so every request must carry proof of who sent it. The <strong>Session</strong> pane sends an opaque id that the server looks up in its
          store; the <strong>JWT</strong> pane sends a signed token the server only verifies. Both live in this browser at once — the active mode in the header
          decides which one guards the <Link href="/dashboard" prefetch={false} className="underline">dashboard</Link>. Press a button and watch what the
          server did.
        </p>
        <p className="text-slate-700">
          New here? Take the <Link href="/tour" className="font-semibold underline">guided tour</Link> (seven steps that drive both panes), run the{" "}
          <Link href="/scenarios" className="font-semibold underline">scenarios</Link> below, then try the{" "}
          <Link href="/tour/quiz" className="font-semibold underline">knowledge check</Link>.
        </p>
      </header>
      <LabWorkspace />
    </div>
  );
}
