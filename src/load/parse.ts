import type { CST, Document } from 'yaml';
import { yamlPackage } from './yaml-package.ts';
import type { Alias, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { Loc, MapNode, Node, Pair, ScalarNode, SeqNode } from './nodes.ts';
import type { SourceFile } from './source.ts';
import { resolvePlainScalar } from './yaml-scalars.ts';
import { collectComments, type YamlComment } from './comments.ts';
import { fastParse } from './fast-parse.ts';
import { addPair, mergeInto } from './map-pairs.ts';
import type { LoadDiagnostic } from './diagnostics.ts';

export interface ParsedFile {
  file: SourceFile;
  /** Root of the first document, or null when the file could not be read as one mapping tree. */
  root: Node | null;
  comments: YamlComment[];
  diagnostics: LoadDiagnostic[];
  /** An env file, not YAML: every value in it may be a secret (text output masks them in code frames). */
  envFile?: boolean;
}

/**
 * Nesting deeper than this is no compose file; it only serves to overflow stacks. The yaml
 * package's composer recurses per level and runs out of stack near 800 levels, so the bound
 * sits well below that, leaving room for include chains (which recurse too).
 */
const MAX_DEPTH = 250;
/** Nodes an expansion of aliases may produce before it counts as an alias bomb. */
const MAX_EXPANDED_NODES = 1_000_000;
const MAX_SYNTAX_FINDINGS = 10;
/** What go-yaml (compose's reader) refuses as "control characters are not allowed"; lone surrogates come from bad UTF-16. */
const NOT_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const PARSE_OPTIONS = {
  // Scalars are typed by resolvePlainScalar (go-yaml's rules), so the parser keeps them as text.
  schema: 'failsafe',
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  strict: true,
  version: '1.2',
} as const;

/**
 * Parse one file once. The common shape of compose files takes a fast path (fast-parse.ts);
 * the rest goes through the yaml package, whose tokens give comments and whose AST gives the
 * node tree.
 */
export function parseYamlFile(file: SourceFile): ParsedFile {
  if (!NOT_PRINTABLE.test(file.text)) {
    const fast = fastParse(file);
    if (fast) return { file, ...fast };
  }
  return parseWithYaml(file);
}

/** The general path, through the yaml package (exported for the fast path's tests). */
export function parseWithYaml(file: SourceFile): ParsedFile {
  const diagnostics: LoadDiagnostic[] = [];
  // The parser's error ranges may run one past the end of the text (a missing closing quote); clamp to the file.
  const at = (start: number, end: number): Loc => {
    const from = Math.min(start, file.text.length);
    return { file, start: from, end: Math.min(Math.max(end, from), file.text.length) };
  };
  let docs: Document.Parsed[];
  let comments: YamlComment[] = [];
  const control = NOT_PRINTABLE.exec(file.text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    diagnostics.push({
      ruleId: 'yaml-syntax',
      message: `The file contains the control character U+${code}, which compose refuses; remove it, or write it as an escape in a double-quoted string.`,
      loc: at(control.index, control.index + control[0].length),
    });
  }
  try {
    const text = withLoneCrAsLf(file.text);
    const { Composer, Parser } = yamlPackage();
    const tokens = Array.from(new Parser().parse(text));
    comments = collectComments(tokens, text);
    const deep = tooDeepAt(tokens);
    if (deep >= 0) {
      // The composer recurses per level; refusing here gives one finding at a fixed place, whatever the stack size.
      diagnostics.push({ ruleId: 'yaml-syntax', message: `The file nests deeper than ${MAX_DEPTH} levels; it was not read further.`, loc: at(deep, deep + 1) });
      return { file, root: null, comments, diagnostics };
    }
    docs = Array.from(new Composer(PARSE_OPTIONS).compose(tokens, true, text.length));
  } catch (error) {
    // The yaml package recurses per nesting level; a hostile file can exhaust the stack.
    const reason = error instanceof RangeError ? 'it is nested too deeply to read' : 'the YAML parser failed on it';
    diagnostics.push({ ruleId: 'yaml-syntax', message: `The file cannot be parsed: ${reason}.`, loc: at(0, 0) });
    return { file, root: null, comments, diagnostics };
  }

  let syntaxErrors = 0;
  for (const doc of docs) {
    for (const error of doc.errors) {
      if (syntaxErrors++ >= MAX_SYNTAX_FINDINGS) break;
      const [start, end] = error.pos;
      diagnostics.push({ ruleId: 'yaml-syntax', message: syntaxMessage(error.message, error.code), loc: at(start, end) });
    }
  }
  const contentDocs = docs.filter((doc) => doc.contents !== null || doc.errors.length > 0);
  if (contentDocs.length > 1) {
    const second = contentDocs[1];
    const start = second.range[0];
    diagnostics.push({
      ruleId: 'yaml-syntax',
      message: `The file holds ${contentDocs.length} YAML documents; compose reads one, so keep a single document per file.`,
      loc: at(start, Math.min(start + 3, file.text.length)),
    });
  }
  const doc = docs[0];
  if (!doc || syntaxErrors > 0 || doc.contents === null) {
    return { file, root: null, comments, diagnostics };
  }

  const converter = new TreeBuilder(file, diagnostics);
  const root = converter.build(doc.contents as YamlNode);
  return { file, root: converter.aborted ? null : root, comments, diagnostics };
}

type CollectionItem = { key?: CST.Token | null; value?: CST.Token | null };

/** Offset of the first collection nested deeper than MAX_DEPTH, or -1; an explicit stack, so depth costs no call stack. */
function tooDeepAt(tokens: CST.Token[]): number {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((token): [CST.Token, number] => [token, 0]).reverse();
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') stack.push([token.value, 0]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth > MAX_DEPTH) return token.offset;
      const items = token.items as CollectionItem[];
      for (let i = items.length - 1; i >= 0; i--) stack.push([items[i].value, depth + 1], [items[i].key, depth + 1]);
    }
  }
  return -1;
}

/**
 * YAML (and go-yaml, hence compose) ends a line at a lone CR; the yaml package
 * only at LF and CRLF. Same-length replacement keeps every offset, so the parser
 * and our line table (source.ts) agree on positions.
 */
function withLoneCrAsLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function syntaxMessage(message: string, code: string): string {
  if (/call stack/i.test(message)) return 'The file is nested too deeply to read.';
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
  const sentence = first.endsWith('.') ? first : `${first}.`;
  return code === 'TAB_AS_INDENT' || /tab/i.test(first) ? `${sentence} Indent with spaces, not tabs.` : sentence;
}

type YamlNode = Scalar | YAMLMap | YAMLSeq | Alias;

/**
 * Turns the yaml package's AST into our node tree. Anchored nodes are built once
 * and shared by their aliases, so a value reached through `*alias` still points
 * at the text where the anchor's literal was written.
 */
class TreeBuilder {
  aborted = false;
  private readonly yaml = yamlPackage();
  private readonly anchors = new Map<string, YamlNode>();
  private readonly built = new Map<YamlNode, Node>();
  private readonly inProgress = new Set<YamlNode>();
  private readonly expandedSize = new WeakMap<Node, number>();

  constructor(
    private readonly file: SourceFile,
    private readonly diagnostics: LoadDiagnostic[],
  ) {}

  build(node: YamlNode): Node | null {
    const root = this.node(node, 0);
    if (root && !this.aborted && this.sizeOf(root) > MAX_EXPANDED_NODES) {
      this.report(
        'yaml-syntax',
        `Aliases in this file expand to more than ${MAX_EXPANDED_NODES.toLocaleString('en-US')} nodes (an alias bomb); the file was not read further.`,
        node,
      );
      this.aborted = true;
    }
    return root;
  }

  private loc(node: { range?: [number, number, number] | null }): Loc {
    const range = node.range ?? [0, 0, 0];
    return { file: this.file, start: range[0], end: range[1] };
  }

  private report(ruleId: string, message: string, node: { range?: [number, number, number] | null }): void {
    this.diagnostics.push({ ruleId, message, loc: this.loc(node) });
  }

  private node(yamlNode: YamlNode | null | undefined, depth: number): Node | null {
    if (!yamlNode || this.aborted) return null;
    if (depth > MAX_DEPTH) {
      this.report('yaml-syntax', `The file nests deeper than ${MAX_DEPTH} levels; it was not read further.`, yamlNode);
      this.aborted = true;
      return null;
    }
    if (this.yaml.isAlias(yamlNode)) return this.alias(yamlNode as Alias);
    const anchor = (yamlNode as Scalar).anchor;
    if (anchor) {
      this.anchors.set(anchor, yamlNode);
      this.inProgress.add(yamlNode);
    }
    let result: Node | null;
    if (this.yaml.isScalar(yamlNode)) result = this.scalar(yamlNode as Scalar);
    else if (this.yaml.isMap(yamlNode)) result = this.map(yamlNode as YAMLMap, depth);
    else if (this.yaml.isSeq(yamlNode)) result = this.seq(yamlNode as YAMLSeq, depth);
    else result = null;
    if (anchor) {
      this.inProgress.delete(yamlNode);
      if (result) this.built.set(yamlNode, result);
    }
    return result;
  }

  private alias(alias: Alias): Node | null {
    const target = this.anchors.get(alias.source);
    if (!target) {
      this.report('yaml-syntax', `Alias *${alias.source} refers to no anchor defined before it.`, alias);
      return null;
    }
    if (this.inProgress.has(target)) {
      this.report('yaml-syntax', `Alias *${alias.source} refers to the node that contains it (a cycle).`, alias);
      return null;
    }
    return this.built.get(target) ?? null;
  }

  private scalar(node: Scalar): ScalarNode {
    const text = typeof node.value === 'string' ? node.value : String(node.value ?? '');
    const style = SCALAR_STYLES[node.type ?? 'PLAIN'] ?? 'plain';
    const tag = node.tag;
    let value = style === 'plain' ? resolvePlainScalar(text) : text;
    // An explicit core tag (`!!str 1`, `!!int "3"`) decides the type, as in go-yaml.
    if (tag === 'tag:yaml.org,2002:str') value = text;
    else if (tag === 'tag:yaml.org,2002:int' || tag === 'tag:yaml.org,2002:float') {
      const resolved = resolvePlainScalar(text);
      value = typeof resolved === 'number' ? resolved : text;
    } else if (tag === 'tag:yaml.org,2002:bool') {
      const resolved = resolvePlainScalar(text);
      value = typeof resolved === 'boolean' ? resolved : text;
    } else if (tag === 'tag:yaml.org,2002:null') value = null;
    const out: ScalarNode = {
      kind: 'scalar',
      value,
      written: typeof value === 'string' ? text : null,
      style,
      loc: this.loc(node),
    };
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) out.tag = tag;
    return out;
  }

  private map(node: YAMLMap, depth: number): MapNode {
    const pairs = new Map<string, Pair>();
    const mergeSources: Node[] = [];
    for (const item of node.items) {
      if (!this.yaml.isPair(item)) continue;
      const keyYaml = item.key as YamlNode | null;
      if (keyYaml && this.yaml.isScalar(keyYaml) && (keyYaml as Scalar).source === '<<' && (keyYaml as Scalar).type === 'PLAIN') {
        this.collectMergeSources(item.value as YamlNode, depth, mergeSources);
        continue;
      }
      const key = this.key(keyYaml, item);
      if (!key) continue;
      const value = this.node(item.value as YamlNode, depth + 1) ?? this.emptyValue(item, key);
      addPair(pairs, key, value, this.file, this.diagnostics);
    }
    mergeInto(pairs, mergeSources);
    const out: MapNode = { kind: 'map', pairs, loc: this.loc(node) };
    if (node.tag?.startsWith('!') && !node.tag.startsWith('!!')) out.tag = node.tag;
    return out;
  }

  private collectMergeSources(value: YamlNode | null, depth: number, into: Node[]): void {
    if (value && this.yaml.isSeq(value)) {
      for (const item of (value as YAMLSeq).items) {
        const built = this.node(item as YamlNode, depth + 1);
        if (built) this.checkMergeSource(built, item as YamlNode, into);
      }
      return;
    }
    const built = this.node(value, depth + 1);
    if (built && value) this.checkMergeSource(built, value, into);
  }

  private checkMergeSource(built: Node, yamlNode: YamlNode, into: Node[]): void {
    if (built.kind === 'map') into.push(built);
    else this.report('yaml-syntax', 'A merge key (<<) takes a mapping or a list of mappings.', yamlNode);
  }

  private key(keyYaml: YamlNode | null, pair: { value: unknown }): ScalarNode | null {
    if (!keyYaml) {
      const valueNode = pair.value as { range?: [number, number, number] } | null;
      if (valueNode?.range) this.report('yaml-syntax', 'A mapping entry has no key.', valueNode);
      return null;
    }
    if (this.yaml.isAlias(keyYaml)) {
      const target = this.alias(keyYaml as Alias);
      if (target?.kind === 'scalar') return { ...target, loc: this.loc(keyYaml) };
      return null;
    }
    if (!this.yaml.isScalar(keyYaml)) {
      this.report('yaml-syntax', 'Mapping keys must be plain scalars, not collections.', keyYaml);
      return null;
    }
    const scalar = keyYaml as Scalar;
    const text = typeof scalar.value === 'string' ? scalar.value : String(scalar.value ?? '');
    const style = SCALAR_STYLES[scalar.type ?? 'PLAIN'] ?? 'plain';
    // Keys are never interpolated or typed: compose reads them as strings.
    return { kind: 'scalar', value: text, written: text, style, loc: this.loc(scalar) };
  }

  /** `key:` with nothing after it is a null placed right after the key. */
  private emptyValue(pair: unknown, key: ScalarNode): ScalarNode {
    void pair;
    return { kind: 'scalar', value: null, written: null, style: 'plain', loc: { file: this.file, start: key.loc.end, end: key.loc.end } };
  }

  private seq(node: YAMLSeq, depth: number): SeqNode {
    const items: Node[] = [];
    for (const item of node.items) {
      const built = this.node(item as YamlNode, depth + 1);
      if (built) items.push(built);
    }
    const out: SeqNode = { kind: 'seq', items, loc: this.loc(node) };
    if (node.tag?.startsWith('!') && !node.tag.startsWith('!!')) out.tag = node.tag;
    return out;
  }

  private sizeOf(node: Node): number {
    const known = this.expandedSize.get(node);
    if (known !== undefined) return known;
    let size = 1;
    if (node.kind === 'map') for (const pair of node.pairs.values()) size += this.sizeOf(pair.value);
    else if (node.kind === 'seq') for (const item of node.items) size += this.sizeOf(item);
    this.expandedSize.set(node, size);
    return size;
  }
}

const SCALAR_STYLES: Record<string, ScalarNode['style']> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'block',
};
