"use client";

import { useEffect, useRef, type ComponentProps } from "react";
import { cn } from "./cn";

/** A native checkbox (keyboard and screen readers for free), with the "some selected" state a header checkbox needs. */
export function Checkbox({ className, indeterminate = false, ...props }: Omit<ComponentProps<"input">, "type"> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className={cn("size-4 shrink-0 cursor-pointer rounded border-zinc-300 accent-brand-600 disabled:cursor-not-allowed disabled:opacity-50", className)}
      {...props}
    />
  );
}
