import { foldAccents } from "@/lib/text/fold-accents";

/**
 * Letters NFKD leaves whole (a stroke or a ligature, not an accent), as a person types them without the key:
 * "Łukasz Øster" is found as "lukasz oster", "Straße" as "strasse". The database's contact functions map the
 * same letters (migration contact_search_accents); the two lists must agree.
 */
const LETTERS: Record<string, string> = {
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ı: "i",
  ŧ: "t",
  Ŧ: "T",
  ð: "d",
  Ð: "D",
  ß: "ss",
  ẞ: "SS",
  æ: "ae",
  Æ: "AE",
  œ: "oe",
  Œ: "OE",
  þ: "th",
  Þ: "TH",
};
const LETTER = new RegExp(`[${Object.keys(LETTERS).join("")}]`, "gu");

/** What the contacts search and the name sort compare: accents folded (foldAccents), then the letters above. */
export function foldForSearch(text: string): string {
  return foldAccents(text).replace(LETTER, (letter) => LETTERS[letter]!);
}
