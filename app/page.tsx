import Link from "next/link";

export default function HomePage() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">Sessions vs JWT, side by side</h1>
      <p className="max-w-3xl text-slate-700">
        HTTP is stateless, so every request must carry proof of who sent it. A <strong>session</strong> sends an opaque id that the server looks up in its store; a <strong>JWT</strong> sends a signed token the server only verifies. AuthLab runs both and shows exactly what each does on every request.
      </p>
      <div className="flex gap-3">
        <Link href="/login" className="rounded bg-slate-900 px-4 py-2 text-white">Log in</Link>
        <Link href="/register" className="rounded border border-slate-300 bg-white px-4 py-2">Register</Link>
      </div>
    </div>
  );
}
