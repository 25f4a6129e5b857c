import { cn } from "@/components/ui/cn";

/** The Callboard mark and word. Decorative mark; the word carries the name. */
export function Logo({ className, showWord = true }: { className?: string; showWord?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-900", className)}>
      <svg viewBox="0 0 32 32" className="size-7 shrink-0" aria-hidden="true">
        <rect width="32" height="32" rx="8" className="fill-brand-600" />
        <path
          d="M11.6 8.5c.5-.5 1.3-.5 1.8 0l2.1 2.6c.4.5.4 1.2 0 1.7l-1.2 1.4a9.6 9.6 0 0 0 3.6 3.6l1.4-1.2c.5-.4 1.2-.4 1.7 0l2.6 2.1c.5.4.5 1.2 0 1.8l-1.3 1.6c-.8.9-2.1 1.2-3.2.8a15.4 15.4 0 0 1-8.9-8.9c-.4-1.1-.1-2.4.8-3.2z"
          fill="#fff"
        />
      </svg>
      {showWord ? <span className="text-[15px]">Callboard</span> : <span className="sr-only">Callboard</span>}
    </span>
  );
}
