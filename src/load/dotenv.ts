import { lineNumberAt } from './source.ts';
import { interpolate } from './interpolate.ts';

/**
 * Env files (`.env`, `--env-file`) read the way docker compose v2 reads them
 * (compose-go v2's `dotenv` parser), but collecting every problem with its
 * position instead of stopping at the first, and never echoing a value.
 */

export interface DotenvIssue {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  message: string;
}

export interface DotenvEntry {
  name: string;
  value: string;
  /** 1-based line of the name. */
  line: number;
}

export interface DotenvResult {
  entries: DotenvEntry[];
  issues: DotenvIssue[];
}

const NEWLINE = 0x0a;
const HASH = 0x23;
const BACKSLASH = 0x5c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const EQUALS = 0x3d;
const COLON = 0x3a;
const SPACE = 0x20;
const BOM = 0xfeff;

/** Go's unicode.IsSpace: what compose skips between statements and trims from names and unquoted values. */
function isUnicodeSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === SPACE ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** compose's isSpace: blanks within a line (no \n). */
function isLineSpace(c: number): boolean {
  return c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === SPACE || c === 0x85 || c === 0xa0;
}

/** Go regexp's `\s` ([\t\n\f\r ]), used by compose's `^export\s+`. */
function isRegexpSpace(c: number): boolean {
  return c === 0x09 || c === NEWLINE || c === 0x0c || c === 0x0d || c === SPACE;
}

// compose (via Go's strconv.UnquoteChar) turns these into the character; `\$` into `$$` for interpolation.
const SIMPLE_ESCAPES = new Map<string, string>([
  ['a', '\x07'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['v', '\v'],
  ['\\', '\\'],
  ['$', '$$'],
]);

const KEY_CHAR = /^[\p{L}\p{N}_.\-[\]]$/u;

function isKeyChar(codePoint: number): boolean {
  if (codePoint < 0x80) {
    return (
      (codePoint >= 0x30 && codePoint <= 0x39) ||
      (codePoint >= 0x41 && codePoint <= 0x5a) ||
      (codePoint >= 0x61 && codePoint <= 0x7a) ||
      codePoint === 0x5f ||
      codePoint === 0x2e ||
      codePoint === 0x2d ||
      codePoint === 0x5b ||
      codePoint === 0x5d
    );
  }
  return KEY_CHAR.test(String.fromCodePoint(codePoint));
}

function trimEndUnicodeSpace(text: string): string {
  let end = text.length;
  while (end > 0 && isUnicodeSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

/**
 * Text handed to interpolation plus where each part of it was written, so an
 * interpolation issue in a double-quoted value (after escapes) points at the file.
 */
interface MappedText {
  text: string;
  /** Offsets in `text` where a new run starts, and the file offset each run starts at. */
  runStarts: number[];
  runSources: number[];
}

function sourceOffset(mapped: MappedText, offset: number): number {
  const { runStarts, runSources } = mapped;
  let lo = 0;
  let hi = runStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return runSources[lo] + (offset - runStarts[lo]);
}

/** A quoted value's text after compose's unescaping, or undefined when the quote never closes. */
interface QuotedValue {
  mapped: MappedText;
  /** Offset just after the closing quote. */
  next: number;
}

export function parseDotenv(text: string, lookup: (name: string) => string | undefined): DotenvResult {
  return new DotenvParser(text, lookup).parse();
}

class DotenvParser {
  private readonly entries: DotenvEntry[] = [];
  private readonly issues: DotenvIssue[] = [];
  /** Values set by earlier lines of this file. */
  private readonly fileValues = new Map<string, string>();
  private readonly lineStarts: number[] = [0];
  private readonly n: number;

  constructor(
    private readonly text: string,
    private readonly lookup: (name: string) => string | undefined,
  ) {
    this.n = text.length;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    // compose drops a UTF-8 byte order mark; it is not a column either.
    if (text.charCodeAt(0) === BOM) this.lineStarts[0] = 1;
  }

  parse(): DotenvResult {
    let pos = this.text.charCodeAt(0) === BOM ? 1 : 0;
    for (;;) {
      pos = this.statementStart(pos);
      if (pos < 0) break;
      pos = this.statement(pos);
    }
    return { entries: this.entries, issues: this.issues };
  }

  /**
   * Interpolation inside the file resolves the way compose-go resolves it
   * (compose-go PRs #403 and #793): the lookup (process environment and earlier
   * env files) wins over values set by earlier lines of this file.
   */
  private readonly resolve = (name: string): string | undefined => {
    const outside = this.lookup(name);
    return outside !== undefined ? outside : this.fileValues.get(name);
  };

  /** Skip blank space and `#` comment lines; -1 at end of file. */
  private statementStart(from: number): number {
    const { text, n } = this;
    let pos = from;
    for (;;) {
      while (pos < n && isUnicodeSpace(text.charCodeAt(pos))) pos++;
      if (pos >= n) return -1;
      if (text.charCodeAt(pos) !== HASH) return pos;
      const newline = text.indexOf('\n', pos);
      if (newline === -1) return -1;
      pos = newline;
    }
  }

  /** One `KEY=value`, `KEY: value` or bare `KEY` statement starting at `start`; returns where the next one may start. */
  private statement(start: number): number {
    const { text, n } = this;
    let pos = start;
    if (text.startsWith('export', pos) && pos + 6 < n && isRegexpSpace(text.charCodeAt(pos + 6))) {
      pos += 6;
      while (pos < n && isLineSpace(text.charCodeAt(pos))) pos++;
    }

    const keyStart = pos;
    let terminator = -1;
    while (pos < n) {
      const c = text.codePointAt(pos)!;
      if (c === EQUALS || c === COLON || c === NEWLINE) {
        terminator = pos;
        break;
      }
      if (!isLineSpace(c) && !isKeyChar(c)) {
        this.issue(pos, `unexpected character ${JSON.stringify(String.fromCodePoint(c))} in a variable name`);
        return this.nextLine(pos);
      }
      pos += c > 0xffff ? 2 : 1;
    }
    // compose's scan reports a last line with no `=`, `:` or newline as a value with an empty
    // name; we read it like any bare name, which is what the line means.
    const bare = terminator === -1 || text.charCodeAt(terminator) === NEWLINE;
    const keyEnd = terminator === -1 ? n : terminator;
    const name = trimEndUnicodeSpace(text.slice(keyStart, keyEnd));
    const line = this.lineOf(start);
    const space = name.indexOf(' ');

    if (bare) {
      if (space !== -1) this.issue(keyStart + space, 'a variable name cannot contain a space');
      else if (name !== '') this.inherit(name, line);
      return terminator === -1 ? n : terminator + 1;
    }

    let valueStart = terminator + 1;
    while (valueStart < n && isLineSpace(text.charCodeAt(valueStart))) valueStart++;
    // Read the value even after a bad name, so a multi-line quoted value is skipped whole.
    const { value, next } = this.value(valueStart, space === -1);
    if (space !== -1) {
      this.issue(keyStart + space, 'a variable name cannot contain a space');
    } else if (value !== undefined) {
      this.entries.push({ name, value, line });
      this.fileValues.set(name, value);
    }
    return next;
  }

  /** A bare `KEY` takes its value from the lookup, and is left out when that has none. */
  private inherit(name: string, line: number): void {
    const value = this.lookup(name);
    if (value === undefined) return;
    this.entries.push({ name, value, line });
    this.fileValues.set(name, value);
  }

  /** The value at `start`; `interpolated` is false for a value compose never gets to (after a bad name). */
  private value(start: number, interpolated: boolean): { value: string | undefined; next: number } {
    const { text, n } = this;
    const quote = start < n ? text.charCodeAt(start) : -1;
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) {
      const newline = text.indexOf('\n', start);
      const lineEnd = newline === -1 ? n : newline;
      let raw = text.slice(start, lineEnd);
      // Only a space starts an inline comment (`a=b#c` and `a=b\t#c` keep the `#`), as in compose.
      const comment = raw.indexOf(' #');
      if (comment !== -1) raw = raw.slice(0, comment);
      raw = trimEndUnicodeSpace(raw);
      const value = interpolated ? this.expand({ text: raw, runStarts: [0], runSources: [start] }) : raw;
      return { value, next: newline === -1 ? n : newline + 1 };
    }

    const quoted = this.quoted(start, quote);
    if (!quoted) {
      this.issue(start, 'unterminated quoted value');
      return { value: undefined, next: this.nextLine(start) };
    }
    // Single quotes: literal text. Double quotes: escapes, then interpolation.
    const value = quote === DOUBLE_QUOTE && interpolated ? this.expand(quoted.mapped) : quoted.mapped.text;
    // Whatever follows the closing quote on the line is read as the next statement, as compose does.
    return { value, next: quoted.next };
  }

  /**
   * The text between `quote` at `start` and its closing quote (which may be on
   * a later line). A backslash before the quote character drops the backslash
   * in both quote styles; other backslashes stay, and in double quotes compose
   * then expands \a \b \f \n \r \t \v \\ \$ and \0NNN octal, keeping any other
   * backslash sequence as written. `\$` becomes `$$` so interpolation leaves a `$`.
   */
  private quoted(start: number, quote: number): QuotedValue | undefined {
    const { text, n } = this;
    const parts: string[] = [];
    const runStarts: number[] = [0];
    const runSources: number[] = [start + 1];
    let length = 0;
    let runStart = start + 1;
    let i = start + 1;
    const escaped = (replacement: string, from: number, to: number): void => {
      if (from > runStart) {
        parts.push(text.slice(runStart, from));
        length += from - runStart;
      }
      runStarts.push(length);
      runSources.push(from);
      parts.push(replacement);
      length += replacement.length;
      runStarts.push(length);
      runSources.push(to);
      runStart = to;
    };
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === quote) {
        if (i > runStart) parts.push(text.slice(runStart, i));
        return { mapped: { text: parts.join(''), runStarts, runSources }, next: i + 1 };
      }
      if (c !== BACKSLASH) {
        i++;
        continue;
      }
      if (i + 1 >= n) return undefined;
      const next = text.charCodeAt(i + 1);
      if (next === quote) {
        escaped(text[i + 1], i, i + 2);
        i += 2;
      } else if (quote === DOUBLE_QUOTE) {
        i = this.doubleQuoteEscape(i, escaped);
      } else {
        i += 2;
      }
    }
    return undefined;
  }

  /** The escape at `at` (a backslash) inside double quotes; returns the offset after it. */
  private doubleQuoteEscape(at: number, escaped: (replacement: string, from: number, to: number) => void): number {
    const { text, n } = this;
    const letter = text[at + 1];
    const simple = SIMPLE_ESCAPES.get(letter);
    if (simple !== undefined) {
      escaped(simple, at, at + 2);
      return at + 2;
    }
    if (letter === '0') {
      // `\0` plus up to three digits: an octal byte only with exactly three octal digits up to 377.
      let end = at + 2;
      while (end < n && end < at + 5 && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
      const digits = text.slice(at + 2, end);
      if (/^[0-7]{3}$/.test(digits) && Number.parseInt(digits, 8) <= 0xff) {
        escaped(String.fromCharCode(Number.parseInt(digits, 8)), at, end);
      }
      return end;
    }
    // Any other backslash pair (\c, \x07, \u12e4, \', \ ) stays as written.
    return at + 2;
  }

  /** Interpolate a value; compose rejects the file on an invalid `${`, so those are issues. */
  private expand(mapped: MappedText): string {
    if (!mapped.text.includes('$')) return mapped.text;
    const result = interpolate(mapped.text, this.resolve);
    // Unset variables only draw a warning from compose, and `${VAR:?}` depends on the environment
    // at deploy time; neither is a syntax problem of the file.
    // The position says which `${`; the message quotes none of it, as it is part of a value.
    for (const issue of result.issues) {
      if (issue.kind === 'invalid') {
        this.issue(sourceOffset(mapped, issue.start), 'invalid interpolation format; write $$ for a literal $');
      }
    }
    return result.value;
  }

  private nextLine(from: number): number {
    const newline = this.text.indexOf('\n', from);
    return newline === -1 ? this.n : newline + 1;
  }

  private lineOf(offset: number): number {
    return lineNumberAt(this.lineStarts, offset);
  }

  private issue(offset: number, message: string): void {
    const line = this.lineOf(offset);
    this.issues.push({ line, column: offset - this.lineStarts[line - 1] + 1, message });
  }
}
