import { charToken, classToken, compileGlob, NOT_SLASH, type ClassAtom, type GlobMatcher, type GlobToken } from './glob.ts';

/*
 * One .gitignore pattern (its `!`, trailing `/` and leading `/` already taken off),
 * read as git does: `**` is special only as a whole segment, `\` escapes the next
 * character, `[...]` as fnmatch reads it; an unanchored pattern matches at any depth.
 * Compiled once per pattern into a linear-time matcher (see glob.ts), since the
 * patterns come from the repository being linted.
 */
const cache = new Map<string, GlobMatcher>();

export function gitignoreGlob(glob: string, anchored: boolean): GlobMatcher {
  const key = `${anchored ? 'A' : 'U'}${glob}`;
  let matcher = cache.get(key);
  if (!matcher) {
    const body = parseGitignoreGlob(glob);
    matcher = compileGlob(anchored ? body : [{ kind: 'leadingDirs' }, ...body]);
    cache.set(key, matcher);
  }
  return matcher;
}

function parseGitignoreGlob(glob: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      const atStart = i === 0 || glob[i - 1] === '/';
      const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
      if (glob[i + 1] === '*' && atStart && atEnd) {
        // `x/**` is everything inside x; `**/` (with the slash) any leading folders.
        tokens.push({ kind: i + 2 === glob.length ? 'anyStar' : 'leadingDirs' });
        i += i + 2 === glob.length ? 1 : 2;
      } else tokens.push({ kind: 'segmentStar' });
    } else if (c === '?') tokens.push(NOT_SLASH);
    else if (c === '[') {
      const set = bracketExpression(glob, i);
      if (set) {
        tokens.push(set.token);
        i = set.end;
      } else tokens.push(charToken('['));
    } else if (c === '\\' && i + 1 < glob.length) tokens.push(charToken(glob[++i]));
    else tokens.push(charToken(c));
  }
  return tokens;
}

/**
 * `[...]` at `start` as fnmatch reads it: `!` or `^` negates, a `]` right after
 * the opening (or the negation) is literal, `\` escapes; undefined when unclosed.
 */
function bracketExpression(glob: string, start: number): { token: GlobToken; end: number } | undefined {
  let i = start + 1;
  const negate = glob[i] === '!' || glob[i] === '^';
  if (negate) i++;
  const first = i;
  const atoms: ClassAtom[] = [];
  for (; i < glob.length; i++) {
    const c = glob[i];
    if (c === ']' && i > first) return { token: classToken(atoms, negate), end: i };
    if (c === '\\' && i + 1 < glob.length) atoms.push({ code: glob.charCodeAt(++i), rangeDash: false });
    else atoms.push({ code: glob.charCodeAt(i), rangeDash: c === '-' });
  }
  return undefined;
}
