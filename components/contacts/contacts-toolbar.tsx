"use client";

import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Loader2, Search, X } from "lucide-react";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const SEARCH_DELAY_MS = 250;

/**
 * Search (debounced; the URL carries it, so a search can be bookmarked and Back works) and sort.
 * Press / anywhere on the page to jump to the search box.
 */
export function ContactsToolbar({
  q,
  sort,
  pending,
  onSearch,
  onSort,
}: {
  q: string;
  sort: "name" | "created";
  pending: boolean;
  onSearch: (q: string) => void;
  onSort: (sort: "name" | "created") => void;
}) {
  const [value, setValue] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Back and Forward change the search in the URL: show it.
    const onPopState = () => setValue(new URL(window.location.href).searchParams.get("q") ?? "");
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      if (event.key === "/" && !typing && !event.metaKey && !event.ctrlKey && !event.altKey && !document.querySelector("[role=dialog]")) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("popstate", onPopState);
    window.addEventListener("keydown", onKeyDown);
    return () => {
      window.removeEventListener("popstate", onPopState);
      window.removeEventListener("keydown", onKeyDown);
      clearTimeout(timer.current);
    };
  }, []);

  function search(next: string, delay: number) {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (next.trim() !== q) onSearch(next.trim());
    }, delay);
  }

  return (
    <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <Label htmlFor="contacts-search" className="sr-only">
          Search contacts
        </Label>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-zinc-400" aria-hidden="true" />
          <Input
            ref={input}
            id="contacts-search"
            type="search"
            value={value}
            onChange={(event: ChangeEvent<HTMLInputElement>) => search(event.target.value, SEARCH_DELAY_MS)}
            onKeyDown={(event) => {
              if (event.key === "Enter") search(value, 0);
              if (event.key === "Escape" && value) {
                event.preventDefault();
                search("", 0);
              }
            }}
            placeholder="Search by name, phone, email or business"
            className="pr-16 pl-9 [&::-webkit-search-cancel-button]:hidden"
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            aria-describedby="contacts-search-hint"
          />
          <div className="absolute top-1/2 right-2 flex -translate-y-1/2 items-center gap-1">
            {pending ? <Loader2 className="size-4 animate-spin text-zinc-400" aria-label="Searching" /> : null}
            {value ? (
              <button
                type="button"
                onClick={() => search("", 0)}
                className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
                aria-label="Clear search"
              >
                <X className="size-4" aria-hidden="true" />
              </button>
            ) : (
              <kbd className="hidden rounded border border-zinc-200 bg-zinc-50 px-1.5 font-mono text-[11px] text-zinc-500 sm:inline" aria-hidden="true">
                /
              </kbd>
            )}
          </div>
        </div>
        <p id="contacts-search-hint" className="sr-only">
          Results update as you type. Press Escape to clear.
        </p>
      </div>
      <div className="flex items-center gap-2">
        <Label htmlFor="contacts-sort" className="shrink-0 text-zinc-600">
          Sort by
        </Label>
        <div className="w-40">
          <Select id="contacts-sort" value={sort} onChange={(event) => onSort(event.target.value as "name" | "created")}>
            <option value="name">Name (A–Z)</option>
            <option value="created">Newest first</option>
          </Select>
        </div>
      </div>
    </div>
  );
}
