import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A scrolling table with a sticky header; times and durations use tabular figures. The header sticks
 * to the top of the scrolling box: give `containerClassName` a max height for long tables — and then
 * `containerProps` a tabIndex and a label, since a box that scrolls must take the keyboard's focus.
 */
export function Table({
  className,
  containerClassName,
  containerProps,
  ...props
}: ComponentProps<"table"> & { containerClassName?: string; containerProps?: ComponentProps<"div"> }) {
  return (
    <div {...containerProps} className={cn("relative w-full overflow-auto rounded-lg border border-zinc-200 bg-white", containerClassName)}>
      <table className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("sticky top-0 z-10 bg-zinc-50 shadow-[inset_0_-1px_0] shadow-zinc-200", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-zinc-100", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("transition-colors hover:bg-zinc-50/70", className)} {...props} />;
}

export function TableHead({ className, ...props }: ComponentProps<"th">) {
  return <th scope="col" className={cn("h-9 px-4 text-left align-middle text-xs font-medium text-zinc-500", className)} {...props} />;
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-4 py-2.5 align-middle text-zinc-800", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("px-4 py-3 text-left text-xs text-zinc-500", className)} {...props} />;
}
