import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Callboard", template: "%s · Callboard" },
  description: "AI voice-agent calls for clinics: reminders, recalls and bookings.",
};

export const viewport: Viewport = {
  themeColor: "#ffffff",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: proxy.ts gives each one a fresh CSP nonce, which a page
  // prerendered at build time could not carry (its scripts would be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        {children}
        <Toaster position="bottom-right" closeButton toastOptions={{ className: "font-sans" }} />
      </body>
    </html>
  );
}
