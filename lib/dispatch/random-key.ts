const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A random string between `low` and `high` (roughly: where their first differing character falls
 * between theirs), for starting a sweep of ids at a random place. Any string is a valid start — the
 * sweep wraps around — so the database's collation differing from code-point order only skews where.
 */
export function randomKeyBetween(low: string, high: string): string {
  let i = 0;
  while (i < low.length && i < high.length && low[i] === high[i]) i++;
  const from = i < low.length ? low.charCodeAt(i) : ALPHABET.charCodeAt(0);
  const to = i < high.length ? high.charCodeAt(i) : from;
  const pick = String.fromCharCode(Math.min(from, to) + Math.floor(Math.random() * (Math.abs(to - from) + 1)));
  let suffix = "";
  for (let k = 0; k < 8; k++) suffix += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return high.slice(0, i) + pick + suffix;
}
