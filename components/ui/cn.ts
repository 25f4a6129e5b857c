import { clsx, type ClassValue } from "clsx";

/** Joins class names. Variants are written so a caller's classes add to them rather than fight them. */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
