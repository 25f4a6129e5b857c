/**
 * Text without its accents, as the database's contact_name_sort_key and contact_search_text fold it:
 * NFKD splits "é" into "e" and a combining accent (U+0300–U+036F), which is dropped. Compatibility
 * forms fold too ("ﬁ" → "fi", full-width "Ａ" → "A"). Case is left alone.
 */
export function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}
