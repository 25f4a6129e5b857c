"use client";

import { useState, type MouseEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { readProblem } from "@/components/forms/problem";
import { cn } from "@/components/ui/cn";
import { downloadFileName, exportRefusal } from "@/components/downloads/export-refusal";

/** Hands the browser a file it already has, as a download. */
function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file over; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * An "Export CSV" link that fetches the file itself, so a refusal (a page left on a clinic the user has since
 * left, 409; a session that ended) is a toast with the server's words instead of the browser's "Failed" in its
 * downloads. It stays a real `<a download>`: before hydration, and for a modified click, the browser downloads.
 * `href` names the page's clinic (lib/http/page-download-href.ts), so plain fetch is enough.
 */
export function ExportCsvLink({
  href,
  what,
  className,
  title,
  children,
}: {
  href: string;
  what: string;
  className?: string;
  title?: string;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // A large clinic's file takes a while to arrive, and the browser shows no download until it has.
    const preparing = toast.loading(`Preparing the ${what.toLowerCase()} CSV…`);
    try {
      const res = await fetch(href);
      if (!res.ok) {
        const refusal = exportRefusal(what, await readProblem(res));
        toast.error(refusal.title, {
          description: refusal.description,
          action: refusal.reload ? { label: "Reload the page", onClick: () => window.location.reload() } : undefined,
        });
        return;
      }
      save(await res.blob(), downloadFileName(res.headers.get("content-disposition"), "export.csv"));
    } catch {
      toast.error(`${what} not exported`, { description: "We couldn't reach Callboard. Check your connection and try again." });
    } finally {
      toast.dismiss(preparing);
      setBusy(false);
    }
  }

  return (
    <a
      href={href}
      download
      onClick={download}
      aria-busy={busy || undefined}
      aria-disabled={busy || undefined}
      className={cn(className, busy && "opacity-60")}
      title={title}
    >
      {children}
    </a>
  );
}
