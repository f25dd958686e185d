import type { Metadata } from "next";
import { cookies } from "next/headers";
import { cookieNames } from "@/lib/auth/cookies";
import { resolveMode } from "@/lib/auth/mode";
import { readHeaderState } from "./components/header/header-state";
import { SiteHeader } from "./components/header/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: "AuthLab — sessions vs JWT, side by side",
  description: "Session-based and JWT authentication side by side, with every request's work shown.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const mode = resolveMode({ cookies: { [cookieNames().mode]: (await cookies()).get(cookieNames().mode)?.value } });
  const state = await readHeaderState(mode);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <SiteHeader mode={mode} state={state} />
        <main className="mx-auto max-w-7xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
