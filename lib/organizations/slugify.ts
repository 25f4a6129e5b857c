import { foldAccents } from "@/lib/text/fold-accents";

/** URL-safe slug of an organization name ("Sunrise Family Clinic" → "sunrise-family-clinic"). */
export function slugify(name: string): string {
  const slug = foldAccents(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return slug || "clinic";
}
