/**
 * Text without its accents: NFKD splits "é" into "e" and a combining accent (U+0300–U+036F), which is
 * dropped. Compatibility forms fold too ("ﬁ" → "fi", full-width "Ａ" → "A"). Case is left alone. The
 * searches fold further, letters with a stroke or a ligature included: lib/text/fold-for-search.ts.
 */
export function foldAccents(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}
