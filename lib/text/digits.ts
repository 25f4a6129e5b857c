/**
 * A whole number as a person types one, in digits only ("5", "12"); anything else is null. `Number` alone would take
 * "1e1" as 10, "0x10" as 16, " 5 " as 5 and "5.0" as 5, so a field that reads it accepts what nobody meant to type.
 */
export function parseDigits(text: string): number | null {
  return /^[0-9]{1,9}$/.test(text) ? Number(text) : null;
}
