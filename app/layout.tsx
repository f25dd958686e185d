import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { cookieNames } from "@/lib/auth/cookies";
import { resolveMode } from "@/lib/auth/mode";
import { DemoClockBadge } from "./components/instructor/demo-clock-badge";
import { ModeToggle } from "./components/mode-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: "AuthLab — sessions vs JWT, side by side",
  description: "Session-based and JWT authentication side by side, with every request's work shown.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const mode = resolveMode({ cookies: { [cookieNames().mode]: (await cookies()).get(cookieNames().mode)?.value } });
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
            <Link href="/" className="text-lg font-bold tracking-tight">
              AuthLab
            </Link>
            <nav aria-label="Main" className="flex gap-4 text-sm">
              <Link href="/" className="hover:underline">Lab</Link>
              <Link href="/scenarios" className="hover:underline">Scenarios</Link>
              <Link href="/tour" className="hover:underline">Tour</Link>
              <Link href="/instructor" className="hover:underline">Instructor</Link>
              {/* No prefetch: a prefetched redirect-to-login would be replayed after the user logs in. */}
              <Link href="/dashboard" prefetch={false} className="hover:underline">Dashboard</Link>
              <Link href="/login" className="hover:underline">Log in</Link>
              <Link href="/register" className="hover:underline">Register</Link>
            </nav>
            <div className="ml-auto flex flex-wrap items-center gap-3">
              <DemoClockBadge />
              <ModeToggle initialMode={mode} />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
