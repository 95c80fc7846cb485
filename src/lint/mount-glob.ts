import { charToken, compileGlob, type GlobMatcher, type GlobToken } from './glob.ts';

/*
 * The paths of read-only-mounts' `writable` option: `**` is anything, `*` anything
 * within one segment, everything else literal; a path also covers everything below
 * it. Compiled once per pattern into a linear-time matcher (see glob.ts).
 */
const cache = new Map<string, GlobMatcher>();

export function mountGlob(pattern: string): GlobMatcher {
  let matcher = cache.get(pattern);
  if (!matcher) {
    matcher = compileGlob(parseMountGlob(pattern), { orBelow: true });
    cache.set(pattern, matcher);
  }
  return matcher;
}

function parseMountGlob(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] !== '*') tokens.push(charToken(pattern[i]));
    else if (pattern[i + 1] === '*') {
      tokens.push({ kind: 'anyStar' });
      i++;
    } else tokens.push({ kind: 'segmentStar' });
  }
  return tokens;
}
