import type { YamlComment } from './comments.ts';
import type { LoadDiagnostic } from './diagnostics.ts';
import type { Loc, MapNode, Node, Pair, ScalarNode, SeqNode } from './nodes.ts';
import { addPair, mergeInto } from './map-pairs.ts';
import type { SourceFile } from './source.ts';
import { resolvePlainScalar } from './yaml-scalars.ts';

/**
 * A fast path for the YAML nearly every compose file is written in: block mappings and
 * sequences, single-line plain and quoted scalars, one-line flow sequences of scalars,
 * empty flow mappings (`{}`), comments and blank lines. The yaml package lexes and parses through layers of generators,
 * which costs a cold run ~10 ms on a 60-line file; this reads the lines once.
 *
 * Anything else (anchors and aliases, tags, block and multi-line scalars, flow mappings,
 * escapes in double quotes, tabs, CR, document markers, explicit keys, comments after the
 * last item of a collection, anything yaml would call an error)
 * gives undefined, and the file goes through the yaml package (parse.ts). For every file
 * it accepts, the result equals the yaml package's: test/load/fast-parse.test.ts compares
 * the two on the corpus, the fixtures and mutations of them.
 */
export interface FastParse {
  root: Node;
  comments: YamlComment[];
  diagnostics: LoadDiagnostic[];
}

/** Deeper than this, the general path (with its own depth bound) takes the file. */
const MAX_FAST_DEPTH = 64;
/** Aliases expanding to more nodes than this go to the general path, which bounds alias bombs. */
const MAX_FAST_EXPANSION = 100_000;

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of the first character after the indentation. */
  content: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  indent: number;
}

class Bail extends Error {}

function bail(): never {
  throw new Bail();
}

export function fastParse(file: SourceFile): FastParse | undefined {
  const text = file.text;
  // Tabs and CRs change how lines split into tokens; this path reads neither.
  if (/[\t\r]/.test(text)) return undefined;
  try {
    return new FastParser(file).parse();
  } catch (error) {
    if (error instanceof Bail) return undefined;
    throw error;
  }
}

/** A parsed value and where the yaml package considers it to end (its range[2]). */
interface Parsed {
  node: Node;
  /** End including what follows on its line (spaces, a comment, the line break). */
  tail: number;
  /** Whether comment lines follow its last item (then its tail is not known here). */
  dirty?: boolean;
  /** An empty value (`key:`), whose tail takes in the comments after it. */
  empty?: boolean;
  /** An alias to no node: the item is left out. */
  missing?: boolean;
  /** For a value written as aliases only (`*a`, `[*a, *b]`), what each stood for: merge sources. */
  aliases?: { node: Node | undefined; loc: Loc }[];
}

class FastParser {
  private readonly text: string;
  private readonly lines: Line[] = [];
  private readonly comments: YamlComment[] = [];
  private readonly diagnostics: LoadDiagnostic[] = [];
  /** Index of the next line to read. */
  private at = 0;
  /** Anchored nodes by name (the latest definition wins), and the anchors still being read. */
  private readonly anchors = new Map<string, Node>();
  private readonly anchorsInProgress = new Set<string>();
  private aliased = false;
  /** The line skipBlank last stopped at, and the comments it skipped on the way. */
  private runEnd = -1;
  private run = { hasComment: false, deepestComment: -1 };

  constructor(private readonly file: SourceFile) {
    this.text = file.text;
  }

  parse(): FastParse {
    this.splitLines();
    this.skipBlank();
    if (this.at >= this.lines.length) bail();
    const first = this.lines[this.at];
    if (first.indent !== 0 || this.isSeqItem(first.content)) bail();
    const root = this.map(0, first.content, 0);
    this.skipBlank();
    if (this.at < this.lines.length) bail();
    // The general path reports an expansion this large as an alias bomb.
    if (this.aliased && expandedSize(root.node, new Map()) > MAX_FAST_EXPANSION) bail();
    return { root: root.node, comments: this.comments, diagnostics: this.diagnostics };
  }

  /** The lines, with their indentation; a document marker (`---`, `...`) takes the general path. */
  private splitLines(): void {
    const text = this.text;
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let content = start;
      while (content < end && text.charCodeAt(content) === 32) content++;
      if (text.startsWith('---', start) || text.startsWith('...', start)) bail();
      this.lines.push({ start, content, end, indent: content - start });
      if (end === text.length) break;
      start = end + 1;
    }
  }

  /**
   * Skip blank and comment-only lines, recording the comments, and what the run of them
   * held: comment lines after the last item of a collection change where the yaml package
   * ends that collection (or the scalar before them), by rules this path does not follow.
   */
  private skipBlank(): void {
    if (this.runEnd === this.at) return;
    let hasComment = false;
    let deepestComment = -1;
    while (this.at < this.lines.length) {
      const line = this.lines[this.at];
      if (line.content < line.end && this.text.charCodeAt(line.content) !== 35) break;
      if (line.content < line.end) {
        this.comment(line.content, line.end, true);
        hasComment = true;
        deepestComment = Math.max(deepestComment, line.indent);
      }
      this.at++;
    }
    this.runEnd = this.at;
    this.run = { hasComment, deepestComment };
  }

  private comment(start: number, end: number, ownLine: boolean): void {
    this.comments.push({ start, end, text: this.text.slice(start + 1, end).trim(), ownLine });
  }

  /** The next content line, if it is at this indentation. */
  private nextAt(indent: number): Line | undefined {
    this.skipBlank();
    const line = this.lines[this.at];
    return line && line.indent === indent ? line : undefined;
  }

  /**
   * A block mapping whose first key starts at `from` on line `this.at`, keys at column
   * `column`; `depth` bounds nesting.
   */
  private map(column: number, from: number, depth: number): Parsed {
    if (depth > MAX_FAST_DEPTH) bail();
    const pairs = new Map<string, Pair>();
    const mergeSources: MapNode[] = [];
    let end = from;
    let pos = from;
    for (;;) {
      const line = this.lines[this.at];
      const key = this.key(pos, line.end);
      const name = String(key.node.value);
      const merge = name === '<<' && key.node.style === 'plain';
      const value = this.pairValue(key.node, key.colon + 1, line, column, depth);
      end = value.tail;
      if (merge) this.mergeSources(value, mergeSources);
      else addPair(pairs, key.node, value.node, this.file, this.diagnostics);
      const next = this.nextAt(column);
      if (!next) {
        this.lastItem(value, column);
        break;
      }
      if (this.isSeqItem(next.content)) bail();
      pos = next.content;
    }
    this.checkDedent(column);
    mergeInto(pairs, mergeSources);
    const node: MapNode = { kind: 'map', pairs, loc: this.loc(from, end) };
    return { node, tail: end, dirty: this.run.hasComment };
  }

  /**
   * What follows `key:` (at `after`, on `line`): an inline value, an alias, or a value on
   * the lines below, each possibly anchored. Leaves `this.at` past what it read.
   */
  private pairValue(key: ScalarNode, after: number, line: Line, column: number, depth: number): Parsed {
    let rest = this.skipSpaces(after, line.end);
    let anchor: string | undefined;
    if (this.text.charCodeAt(rest) === 38 /* & */) {
      if (rest === after) bail();
      const name = this.anchorName(rest + 1, line.end);
      anchor = name.name;
      if (this.anchorsInProgress.has(anchor)) bail();
      const spaced = this.skipSpaces(name.end, line.end);
      if (spaced < line.end && spaced === name.end) bail();
      rest = spaced;
    }
    let value: Parsed;
    // An alias inside the anchored node is a cycle.
    if (anchor) this.anchorsInProgress.add(anchor);
    if (rest < line.end && this.text.charCodeAt(rest) !== 35) {
      if (rest === after) bail();
      value = this.text.charCodeAt(rest) === 42 /* * */ && !anchor ? this.alias(rest, line, key) : this.inlineValue(rest, line);
      this.at++;
    } else {
      if (rest < line.end) {
        // a comment needs a space before it
        if (rest === after) bail();
        this.comment(rest, line.end, false);
      }
      this.at++;
      value = this.blockValue(column, line, rest < line.end ? rest : line.end, depth);
    }
    if (anchor) {
      this.anchorsInProgress.delete(anchor);
      this.anchors.set(anchor, value.node);
    }
    return value;
  }

  /** `&name` / `*name`: the name runs to a space or the line's end; flow indicators are refused. */
  private anchorName(start: number, lineEnd: number): { name: string; end: number } {
    let end = start;
    while (end < lineEnd && this.text.charCodeAt(end) !== 32) {
      if (',[]{}'.includes(this.text[end])) bail();
      end++;
    }
    if (end === start) bail();
    return { name: this.text.slice(start, end), end };
  }

  /**
   * `*name` ending its line: the anchored node itself, shared. An unknown name, or the node
   * that contains the alias, is reported and read as nothing (a null right after the key
   * for a mapping value), as the general path does.
   */
  private alias(start: number, line: Line, key?: ScalarNode): Parsed {
    const { node, end } = this.aliasNode(start, line.end);
    const tail = this.lineTail(end, line);
    const aliases = [{ node, loc: this.loc(start, end) }];
    if (node) return { node, tail, aliases };
    if (!key) return { node: undefined as unknown as Node, tail, missing: true, aliases };
    return { node: { kind: 'scalar', value: null, written: null, style: 'plain', loc: this.loc(key.loc.end, key.loc.end) }, tail, aliases };
  }

  private aliasNode(start: number, lineEnd: number, flow = false): { node: Node | undefined; end: number } {
    const { name, end } = flow ? this.flowAliasName(start + 1, lineEnd) : this.anchorName(start + 1, lineEnd);
    this.aliased = true;
    const target = this.anchors.get(name);
    const cycle = this.anchorsInProgress.has(name);
    if (!target || cycle) {
      const message = cycle ? `Alias *${name} refers to the node that contains it (a cycle).` : `Alias *${name} refers to no anchor defined before it.`;
      this.diagnostics.push({ ruleId: 'yaml-syntax', message, loc: this.loc(start, end) });
      return { node: undefined, end };
    }
    return { node: target, end };
  }

  /** In a flow sequence an alias name ends at `,` or `]` too. */
  private flowAliasName(start: number, lineEnd: number): { name: string; end: number } {
    let end = start;
    while (end < lineEnd && !' ,]'.includes(this.text[end])) {
      if ('[{}'.includes(this.text[end])) bail();
      end++;
    }
    if (end === start) bail();
    return { name: this.text.slice(start, end), end };
  }

  /** `<<: *a` or `<<: [*a, *b]`: mappings to merge in; anything else the general path reads. */
  private mergeSources(value: Parsed, into: MapNode[]): void {
    const sources = value.aliases;
    if (!sources) bail();
    for (const { node, loc } of sources) {
      if (!node) continue;
      if (node.kind === 'map') into.push(node);
      else this.diagnostics.push({ ruleId: 'yaml-syntax', message: 'A merge key (<<) takes a mapping or a list of mappings.', loc });
    }
  }

  /**
   * The last item of a collection whose items start at `column`: the collection ends where
   * the item's tail does, unless comment lines follow (see skipBlank).
   */
  private lastItem(item: Parsed, column: number): void {
    // An empty value's tail already takes in the comments after it (blockValue).
    if (item.empty) return;
    if (item.dirty || (item.dirty === undefined && this.run.deepestComment > column)) bail();
  }

  /** After a collection: the next content line must belong to an enclosing one. */
  private checkDedent(column: number): void {
    this.skipBlank();
    const line = this.lines[this.at];
    if (line && line.indent > column) bail();
  }

  /** What follows `key:` at the end of a line: a nested collection, or null. */
  private blockValue(column: number, keyLine: Line, nullAt: number, depth: number): Parsed {
    this.skipBlank();
    const line = this.lines[this.at];
    if (line && line.indent > column) {
      if (this.isSeqItem(line.content)) return this.seq(line.indent, depth + 1);
      return this.map(line.indent, line.content, depth + 1);
    }
    // `key:` then `- item` at the key's own column: a sequence, as compose files often write it.
    if (line && line.indent === column && this.isSeqItem(line.content)) return this.seq(column, depth + 1);
    // The yaml package places the null after the spaces that end the line, at a comment if
    // there is one. With a comment on that line or on the lines after it, all of them up to
    // the next content (its indentation included) become part of the value.
    const commented = nullAt < keyLine.end || this.run.hasComment;
    const tail = commented ? (line ? line.content : this.text.length) : nullAt;
    return { node: { kind: 'scalar', value: null, written: null, style: 'plain', loc: this.loc(nullAt, nullAt) }, tail, empty: true };
  }

  private seq(column: number, depth: number): Parsed {
    if (depth > MAX_FAST_DEPTH) bail();
    const items: Node[] = [];
    const from = this.lines[this.at].content;
    let end = from;
    for (;;) {
      const line = this.lines[this.at];
      const dash = line.content;
      const after = dash + 1;
      const rest = this.skipSpaces(after, line.end);
      let item: Parsed;
      if (rest >= line.end || this.text.charCodeAt(rest) === 35) {
        // `-` alone: the item is on the following lines, or null
        if (rest < line.end) {
          if (rest === after) bail();
          this.comment(rest, line.end, false);
        }
        this.at++;
        this.skipBlank();
        const next = this.lines[this.at];
        if (!next || next.indent <= column) bail();
        item = this.isSeqItem(next.content) ? this.seq(next.indent, depth + 1) : this.map(next.indent, next.content, depth + 1);
      } else if (this.isSeqItem(rest)) {
        bail();
      } else if (this.isKeyAt(rest, line.end)) {
        // `- key: value`: a mapping whose keys line up with this first one
        item = this.map(rest - line.start, rest, depth + 1);
      } else if (this.text.charCodeAt(rest) === 42 /* * */) {
        item = this.alias(rest, line);
        this.at++;
      } else if (this.text.charCodeAt(rest) === 38 /* & */) {
        // `- &name value`, the value on this line
        const name = this.anchorName(rest + 1, line.end);
        const value = this.skipSpaces(name.end, line.end);
        if (value === name.end || value >= line.end || this.text.charCodeAt(value) === 35 || this.anchorsInProgress.has(name.name)) bail();
        this.anchorsInProgress.add(name.name);
        item = this.inlineValue(value, line);
        this.anchorsInProgress.delete(name.name);
        this.anchors.set(name.name, item.node);
        this.at++;
      } else {
        item = this.inlineValue(rest, line);
        this.at++;
      }
      if (!item.missing) items.push(item.node);
      end = item.tail;
      const next = this.nextAt(column);
      if (!next || !this.isSeqItem(next.content)) {
        this.lastItem(item, column);
        break;
      }
    }
    this.checkDedent(column);
    const node: SeqNode = { kind: 'seq', items, loc: this.loc(from, end) };
    return { node, tail: end, dirty: this.run.hasComment };
  }

  /** A scalar or a flow sequence that ends its line (bar a comment). */
  private inlineValue(start: number, line: Line): Parsed {
    const c = this.text.charCodeAt(start);
    let node: Node;
    let end: number;
    let aliases: Parsed['aliases'];
    if (c === 91 /* [ */) ({ node, end, aliases } = this.flowSeq(start, line.end));
    else if (c === 123 /* { */) ({ node, end } = this.emptyFlowMap(start, line.end));
    else if (c === 34 || c === 39) ({ node, end } = this.quoted(start, line.end));
    else {
      end = this.plainEnd(start, line.end, false);
      const written = this.text.slice(start, end);
      if (written.endsWith(':') || written.includes(': ')) bail();
      node = this.plain(written, start, end);
    }
    return { node, tail: this.lineTail(end, line), aliases };
  }

  /** After a value: spaces, then a comment or the line's end. Returns the end with the line break. */
  private lineTail(end: number, line: Line): number {
    const rest = this.skipSpaces(end, line.end);
    if (rest < line.end) {
      if (this.text.charCodeAt(rest) !== 35 || rest === end) bail();
      this.comment(rest, line.end, false);
    }
    return line.end < this.text.length ? line.end + 1 : line.end;
  }

  private key(start: number, lineEnd: number): { node: ScalarNode; colon: number } {
    const c = this.text.charCodeAt(start);
    let node: ScalarNode;
    let end: number;
    if (c === 34 || c === 39) ({ node, end } = this.quoted(start, lineEnd));
    else {
      // plainEnd refuses what cannot start a plain scalar; the colon is checked below
      end = this.plainEnd(start, lineEnd, true);
      const written = this.text.slice(start, end);
      // Keys are never typed: compose reads them as strings.
      node = { kind: 'scalar', value: written, written, style: 'plain', loc: this.loc(start, end) };
    }
    if (this.text.charCodeAt(end) !== 58 /* : */) bail();
    const after = this.text.charCodeAt(end + 1);
    if (end + 1 < lineEnd && after !== 32) bail();
    return { node, colon: end };
  }

  /** Whether a plain key (`name:` then a space or the line's end) starts here. */
  private isKeyAt(start: number, lineEnd: number): boolean {
    const c = this.text.charCodeAt(start);
    if (c === 34 || c === 39) {
      const close = this.text.indexOf(String.fromCharCode(c), start + 1);
      return close > 0 && close < lineEnd && this.text.charCodeAt(close + 1) === 58;
    }
    if (!this.canStartPlain(start, lineEnd)) return false;
    const end = this.plainEnd(start, lineEnd, true);
    return this.text.charCodeAt(end) === 58 && (end + 1 === lineEnd || this.text.charCodeAt(end + 1) === 32);
  }

  /**
   * End of a plain scalar starting here: before ` #`, before `: `/`:` at the line's end
   * when it is a key, else before the trailing spaces. In flow context also before `,` and `]`.
   */
  private plainEnd(start: number, lineEnd: number, key: boolean, flow = false): number {
    if (!this.canStartPlain(start, lineEnd)) bail();
    const text = this.text;
    let i = start;
    let end = start;
    while (i < lineEnd) {
      const c = text.charCodeAt(i);
      if (c === 35 && text.charCodeAt(i - 1) === 32) break;
      if (c === 58 && (i + 1 === lineEnd || text.charCodeAt(i + 1) === 32 || (flow && text.charCodeAt(i + 1) === 44))) {
        if (key || flow) break;
      }
      if (flow && (c === 44 || c === 91 || c === 93 || c === 123 || c === 125)) break;
      i++;
      if (c !== 32) end = i;
    }
    if (end === start) bail();
    return end;
  }

  /** Plain scalars may not start with an indicator, nor with `-`, `?` or `:` before a space. */
  private canStartPlain(start: number, lineEnd: number): boolean {
    const c = this.text.charCodeAt(start);
    if (start >= lineEnd || c === 32) return false;
    if ('[]{},#&*!|>\'"%@`'.includes(this.text[start])) return false;
    if (c === 45 || c === 63 || c === 58) {
      const next = this.text.charCodeAt(start + 1);
      return start + 1 < lineEnd && next !== 32;
    }
    return true;
  }

  private plain(written: string, start: number, end: number): ScalarNode {
    const value = resolvePlainScalar(written);
    return { kind: 'scalar', value, written: typeof value === 'string' ? written : null, style: 'plain', loc: this.loc(start, end) };
  }

  /** A quoted scalar closed on its line; double quotes without escapes. */
  private quoted(start: number, lineEnd: number): { node: ScalarNode; end: number } {
    const quote = this.text.charCodeAt(start);
    let value = '';
    let i = start + 1;
    for (;;) {
      const close = this.text.indexOf(quote === 34 ? '"' : "'", i);
      if (close < 0 || close >= lineEnd) bail();
      if (quote === 34) for (let k = i; k < close; k++) if (this.text.charCodeAt(k) === 92) bail();
      value += this.text.slice(i, close);
      // `''` inside single quotes is one quote
      if (quote === 39 && this.text.charCodeAt(close + 1) === 39) {
        value += "'";
        i = close + 2;
        continue;
      }
      const end = close + 1;
      const style = quote === 34 ? 'double' : 'single';
      return { node: { kind: 'scalar', value, written: value, style, loc: this.loc(start, end) }, end };
    }
  }

  /** `[a, "b"]` on one line: scalars only. */
  private flowSeq(start: number, lineEnd: number): { node: SeqNode; end: number; aliases?: Parsed['aliases'] } {
    const items: Node[] = [];
    let aliases: Parsed['aliases'] = [];
    let i = this.skipSpaces(start + 1, lineEnd);
    if (this.text.charCodeAt(i) !== 93) {
      for (;;) {
        const c = this.text.charCodeAt(i);
        let item: Node | undefined;
        let end: number;
        if (c === 42 /* * */) {
          ({ node: item, end } = this.aliasNode(i, lineEnd, true));
          aliases?.push({ node: item, loc: this.loc(i, end) });
        } else {
          aliases = undefined;
          if (c === 34 || c === 39) ({ node: item, end } = this.quoted(i, lineEnd));
          else {
            end = this.plainEnd(i, lineEnd, false, true);
            item = this.plain(this.text.slice(i, end), i, end);
          }
        }
        if (item) items.push(item);
        i = this.skipSpaces(end, lineEnd);
        const next = this.text.charCodeAt(i);
        if (next === 93) break;
        if (next !== 44) bail();
        i = this.skipSpaces(i + 1, lineEnd);
        // no trailing comma, no empty entry
        if (i >= lineEnd || this.text.charCodeAt(i) === 93 || this.text.charCodeAt(i) === 44) bail();
      }
    }
    if (i >= lineEnd) bail();
    const end = i + 1;
    return { node: { kind: 'seq', items, loc: this.loc(start, end) }, end, aliases: aliases?.length ? aliases : undefined };
  }

  /** `{}`, as compose files write an empty volume or network; any other flow mapping is refused. */
  private emptyFlowMap(start: number, lineEnd: number): { node: MapNode; end: number } {
    const close = this.skipSpaces(start + 1, lineEnd);
    if (this.text.charCodeAt(close) !== 125) bail();
    return { node: { kind: 'map', pairs: new Map(), loc: this.loc(start, close + 1) }, end: close + 1 };
  }

  private isSeqItem(at: number): boolean {
    if (this.text.charCodeAt(at) !== 45) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === 32 || next === 10 || at + 1 >= this.text.length;
  }

  private skipSpaces(from: number, lineEnd: number): number {
    let i = from;
    while (i < lineEnd && this.text.charCodeAt(i) === 32) i++;
    return i;
  }

  private loc(start: number, end: number): Loc {
    return { file: this.file, start, end };
  }
}

/** Nodes an aliased tree expands to, each shared node counted once per use (memoised). */
function expandedSize(node: Node, sizes: Map<Node, number>): number {
  const known = sizes.get(node);
  if (known !== undefined) return known;
  let size = 1;
  if (node.kind === 'map') for (const pair of node.pairs.values()) size += expandedSize(pair.value, sizes);
  else if (node.kind === 'seq') for (const item of node.items) size += expandedSize(item, sizes);
  sizes.set(node, size);
  return size;
}
