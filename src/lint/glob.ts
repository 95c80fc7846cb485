/**
 * Glob matching in linear time by construction. Each glob dialect (path-glob.ts,
 * gitignore-glob.ts, mount-glob.ts) parses its own syntax into this small token
 * program; matching simulates the program as an NFA, advancing the set of active
 * tokens one character at a time. A step costs the active tokens, at most all of them,
 * so a match is O(tokens × text) whatever the pattern and usually far less:
 * no backtracking, and no RegExp is ever built from pattern text, so globs read
 * from a repository (`*a*a*a*a…b`) cannot stall a run.
 *
 * Characters are UTF-16 code units, and the "any character" tokens skip line
 * terminators, exactly as the RegExp translations these replace (`.` and `[^/]`).
 */
export type GlobToken =
  /** One given character. */
  | { kind: 'char'; code: number }
  /** One character in (or, negated, not in) the inclusive code ranges `[lo, hi, lo, hi, …]`. */
  | { kind: 'class'; negate: boolean; ranges: number[] }
  /** Any run of characters other than `/` (`[^/]*`). */
  | { kind: 'segmentStar' }
  /** Any run of characters, `/` included (`.*`). */
  | { kind: 'anyStar' }
  /** Nothing, or any run of characters ending in `/` (RegExp `(?:.*\/)?`): zero or more leading folders. */
  | { kind: 'leadingDirs' };

/** Tests a whole path (or, with `orBelow`, a path below a match too). */
export type GlobMatcher = (text: string) => boolean;

export interface GlobOptions {
  /** The glob also matches every path below a match: `a/b` matches `a/b/c` (`(?:/.*)?` after it). */
  orBelow?: boolean;
}

const SLASH = 0x2f;

export function charToken(c: string): GlobToken {
  return { kind: 'char', code: c.charCodeAt(0) };
}

/** `?`: any one character but `/`. */
export const NOT_SLASH: GlobToken = { kind: 'class', negate: true, ranges: [SLASH, SLASH] };

/** One member of a bracket expression: a character, or an unescaped `-` that may join two into a range. */
export interface ClassAtom {
  code: number;
  rangeDash: boolean;
}

/**
 * A bracket expression from its atoms, with RegExp's reading of ranges: `a-z` is a range,
 * a `-` at either end is literal. A range whose end is below its start holds nothing, as in
 * git's wildmatch: patterns come from repositories, and one odd line must not stop a run.
 */
export function classToken(atoms: ClassAtom[], negate: boolean): GlobToken {
  const ranges: number[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const lo = atoms[i].code;
    if (atoms[i + 1]?.rangeDash && i + 2 < atoms.length) {
      const hi = atoms[i + 2].code;
      if (hi >= lo) ranges.push(lo, hi);
      i += 2;
    } else ranges.push(lo, lo);
  }
  return { kind: 'class', negate, ranges };
}

export function compileGlob(tokens: GlobToken[], options: GlobOptions = {}): GlobMatcher {
  const orBelow = options.orBelow ?? false;
  if (!orBelow && tokens.every((token) => token.kind === 'char')) {
    let literal = '';
    for (const token of tokens) if (token.kind === 'char') literal += String.fromCharCode(token.code);
    return (text) => text === literal;
  }
  return (text) => run(tokens, text, orBelow);
}

const AT = 1; // positioned before this token
const IN_DIRS = 2; // inside a leadingDirs token, its closing `/` still to come

/**
 * The active positions are kept as a list beside their flags, so a step costs the number of
 * active positions, not the pattern's length: a long literal pattern (a .gitignore line of
 * 200,000 characters) against a long path stays linear.
 */
class StateSet {
  readonly flags: Uint8Array;
  readonly list: number[] = [];

  constructor(size: number) {
    this.flags = new Uint8Array(size);
  }

  add(index: number, flag: number): void {
    if (this.flags[index] === 0) this.list.push(index);
    this.flags[index] |= flag;
  }

  clear(): void {
    for (const index of this.list) this.flags[index] = 0;
    this.list.length = 0;
  }

  /** Epsilon closure: every token that may match nothing passes its position on to the next. */
  closeOver(tokens: GlobToken[]): void {
    // Entries pushed during the loop are visited too: each passes on to a later token.
    for (let k = 0; k < this.list.length; k++) {
      const i = this.list[k];
      if (i < tokens.length && this.flags[i] & AT && tokens[i].kind !== 'char' && tokens[i].kind !== 'class') this.add(i + 1, AT);
    }
  }
}

function run(tokens: GlobToken[], text: string, orBelow: boolean): boolean {
  const n = tokens.length;
  let state = new StateSet(n + 1);
  let next = new StateSet(n + 1);
  state.add(0, AT);
  state.closeOver(tokens);
  // With orBelow, a match may be followed by `/` and anything without a line terminator.
  const lastBreak = orBelow ? lastLineTerminator(text) : -1;
  for (let p = 0; p < text.length; p++) {
    const c = text.charCodeAt(p);
    if (orBelow && state.flags[n] & AT && c === SLASH && lastBreak < p) return true;
    for (const i of state.list) {
      if (i === n) continue;
      const token = tokens[i];
      switch (token.kind) {
        case 'char':
          if (c === token.code) next.add(i + 1, AT);
          break;
        case 'class':
          if (inClass(token.ranges, c) !== token.negate) next.add(i + 1, AT);
          break;
        case 'segmentStar':
          if (c !== SLASH) next.add(i, AT);
          break;
        case 'anyStar':
          if (!isLineTerminator(c)) next.add(i, AT);
          break;
        case 'leadingDirs':
          if (isLineTerminator(c)) break;
          next.add(i, IN_DIRS);
          if (c === SLASH) next.add(i + 1, AT);
          break;
      }
    }
    if (next.list.length === 0) return false;
    next.closeOver(tokens);
    state.clear();
    [state, next] = [next, state];
  }
  return (state.flags[n] & AT) !== 0;
}

function inClass(ranges: number[], c: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (c >= ranges[i] && c <= ranges[i + 1]) return true;
  return false;
}

function isLineTerminator(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function lastLineTerminator(text: string): number {
  for (let p = text.length - 1; p >= 0; p--) if (isLineTerminator(text.charCodeAt(p))) return p;
  return -1;
}
