"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";

export interface SettingsSection {
  /** The id of the card it links to. */
  id: string;
  label: string;
}

/** The settings page's table of contents: a link per card, the one being read highlighted. */
export function SettingsNav({ sections }: { sections: SettingsSection[] }) {
  const [active, setActive] = useState<string | null>(null);

  useEffect(() => {
    const cards = sections.map((s) => document.getElementById(s.id)).filter((el): el is HTMLElement => el !== null);
    // The card crossing the upper third of the window is the one being read.
    const observer = new IntersectionObserver(
      (entries) => {
        const crossing = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top);
        if (crossing[0]) setActive(crossing[0].target.id);
      },
      { rootMargin: "0px 0px -66% 0px" },
    );
    cards.forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, [sections]);

  return (
    <nav aria-label="Settings sections" className="lg:sticky lg:top-6 lg:self-start">
      <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible lg:pb-0">
        {sections.map((s) => (
          <li key={s.id} className="shrink-0">
            <a
              href={`#${s.id}`}
              onClick={() => setActive(s.id)}
              aria-current={active === s.id ? "location" : undefined}
              className={cn(
                "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
                active === s.id && "bg-zinc-100 font-medium text-zinc-900",
              )}
            >
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
