/**
 * mulberry32: a tiny seeded PRNG (32-bit state, good enough for simulated behaviour, not for
 * anything secret). The same seed and the same order of dials give the same outcomes, so a demo
 * or a load test can be replayed.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Picks a key with probability proportional to its weight; keys with weight ≤ 0 are never picked. */
export function pickWeighted<K extends string>(random: () => number, weights: Record<K, number>): K {
  const entries = (Object.entries(weights) as Array<[K, number]>).filter(([, weight]) => weight > 0);
  const first = entries[0];
  if (!first) throw new Error("pickWeighted needs at least one positive weight.");
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return entries[entries.length - 1]?.[0] ?? first[0];
}

/** Picks one element uniformly. */
export function pickOne<T>(random: () => number, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0];
}

/** FNV-1a: a 32-bit seed from a text (a patient and a call), for a PRNG of its own. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
