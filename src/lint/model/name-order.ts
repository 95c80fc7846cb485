import { matchesGlob } from '../path-glob.ts';

/**
 * Ordering checks for the style rules: names either sorted alphabetically or
 * ranked by a configured list (entries may be globs; names the list does not
 * cover rank after every listed one, in any order among themselves).
 */
export type NameOrder = 'alphabetical' | readonly string[];

export interface OutOfOrder {
  /** Index of the first name that comes too late. */
  index: number;
  /** Index of the earliest name it should precede. */
  before: number;
}

/** Case-insensitive first, so `api` and `Auth` sort as people expect; ties by code point. */
export function compareAlphabetical(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A ranking function for a configured list: the index of the first entry that matches. */
export function rankByList(list: readonly string[]): (name: string) => number {
  const exact = new Map<string, number>();
  const globs: [number, string][] = [];
  list.forEach((entry, index) => {
    if (/[*?[]/.test(entry)) globs.push([index, entry]);
    else if (!exact.has(entry)) exact.set(entry, index);
  });
  return (name) => {
    let rank = exact.get(name) ?? list.length;
    for (const [index, glob] of globs) {
      if (index >= rank) break;
      if (matchesGlob(name, glob)) {
        rank = index;
        break;
      }
    }
    return rank;
  };
}

/** The first name out of order, or undefined when the names are in order. */
export function firstOutOfOrder(names: readonly string[], order: NameOrder): OutOfOrder | undefined {
  if (names.length < 2) return undefined;
  let compare: (a: string, b: string) => number;
  if (order === 'alphabetical') {
    compare = compareAlphabetical;
  } else {
    const rank = rankByList(order);
    const ranks = new Map(names.map((name) => [name, rank(name)]));
    compare = (a, b) => ranks.get(a)! - ranks.get(b)!;
  }
  for (let index = 1; index < names.length; index++) {
    if (compare(names[index - 1], names[index]) <= 0) continue;
    // Names before `index` are in order, so the first one that sorts after it is where it belongs.
    const before = names.findIndex((name) => compare(name, names[index]) > 0);
    return { index, before };
  }
  return undefined;
}
