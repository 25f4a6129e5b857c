import { cn } from "@/components/ui/cn";

/** A square with the organization's initial; decorative, the name is always beside it. */
export function OrgAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn("flex size-6 shrink-0 items-center justify-center rounded-md bg-brand-100 text-xs font-semibold text-brand-800", className)}
    >
      {name.trim().charAt(0).toUpperCase() || "?"}
    </span>
  );
}
