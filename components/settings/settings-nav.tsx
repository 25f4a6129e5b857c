"use client";

import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

export interface SettingsSection {
  /** The id of the card it links to. */
  id: string;
  label: string;
}

/**
 * The card being read: the last one whose top has passed the upper third of the window. At the foot of the page
 * the cards below that line cannot scroll up to it, so there the card chosen in the navigation wins while it is in view.
 */
function readingCard(cards: HTMLElement[], chosen: string | null): string | null {
  const line = window.innerHeight / 3;
  const atFoot = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
  if (atFoot && chosen) {
    const card = cards.find((el) => el.id === chosen);
    const box = card?.getBoundingClientRect();
    if (box && box.top < window.innerHeight && box.bottom > 0) return chosen;
  }
  let reading: string | null = cards[0]?.id ?? null;
  for (const card of cards) if (card.getBoundingClientRect().top <= line) reading = card.id;
  return reading;
}

/** The settings page's table of contents: a link per card, the one being read highlighted. */
export function SettingsNav({ sections }: { sections: SettingsSection[] }) {
  const [active, setActive] = useState<string | null>(null);
  // The card last chosen here: at the foot of the page, where short cards never reach the reading line, it stays marked.
  const chosen = useRef<string | null>(null);

  useEffect(() => {
    const cards = sections.map((s) => document.getElementById(s.id)).filter((el): el is HTMLElement => el !== null);
    let frame = 0;
    const mark = () => {
      frame = 0;
      setActive(readingCard(cards, chosen.current));
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(mark);
    };
    mark();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
    };
  }, [sections]);

  return (
    <nav aria-label="Settings sections" className="lg:sticky lg:top-6 lg:self-start">
      <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible lg:pb-0">
        {sections.map((s) => (
          <li key={s.id} className="shrink-0">
            <a
              href={`#${s.id}`}
              onClick={() => {
                chosen.current = s.id;
                setActive(s.id);
              }}
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
