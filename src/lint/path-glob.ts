import { charToken, classToken, compileGlob, NOT_SLASH, type ClassAtom, type GlobMatcher, type GlobToken } from './glob.ts';

/*
 * Glob patterns over `/`-separated paths (config `ignore`, service names, image
 * patterns): `**` then `/` is zero or more whole segments, `**` elsewhere anything,
 * `*` and `?` stay within a segment, `[abc]` is a set (`[!abc]` or `[^abc]` negated,
 * an unclosed `[` literal), everything else literal, `\` included. Compiled once
 * per pattern into a linear-time matcher (see glob.ts).
 */
const cache = new Map<string, GlobMatcher>();

export function matchesGlob(path: string, pattern: string): boolean {
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = compileGlob(parsePathGlob(pattern));
    cache.set(pattern, matcher);
  }
  return matcher(path);
}

function parsePathGlob(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const close = c === '[' ? pattern.indexOf(']', i + 1) : -1;
    if (c === '*' && pattern[i + 1] === '*') {
      if (pattern[i + 2] === '/') {
        tokens.push({ kind: 'leadingDirs' });
        i += 2;
      } else {
        tokens.push({ kind: 'anyStar' });
        i += 1;
      }
    } else if (c === '*') tokens.push({ kind: 'segmentStar' });
    else if (c === '?') tokens.push(NOT_SLASH);
    else if (close >= 0) {
      let set = pattern.slice(i + 1, close);
      const negate = set.startsWith('!') || set.startsWith('^');
      if (negate) set = set.slice(1);
      tokens.push(classToken(setAtoms(set), negate));
      i = close;
    } else tokens.push(charToken(c));
  }
  return tokens;
}

/** Every character of a set is a member (there are no escapes); a `-` may join two into a range. */
function setAtoms(set: string): ClassAtom[] {
  const atoms: ClassAtom[] = [];
  for (let k = 0; k < set.length; k++) atoms.push({ code: set.charCodeAt(k), rangeDash: set[k] === '-' });
  return atoms;
}
