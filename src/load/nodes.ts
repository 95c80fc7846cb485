import type { SourceFile } from './source.ts';

/**
 * The project model is a tree of these nodes. Unlike plain JSON, every node
 * remembers where its text was written, so that after merging files, extends,
 * include and anchors a finding still points at the user's own line.
 */
export interface Loc {
  file: SourceFile;
  start: number;
  end: number;
}

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  loc: Loc;
  /** Local tag as written (`!reset`, `!override`), if any. */
  tag?: string;
  /** True for nodes the loader made up while normalising (e.g. the condition of a short depends_on). */
  synthetic?: boolean;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  /** Value after interpolation and compose's type casts. */
  value: ScalarValue;
  /** The string as written in YAML (after unquoting, before interpolation); null for non-string YAML types. */
  written: string | null;
  /** How the scalar was written: plain, quoted or block. */
  style: 'plain' | 'single' | 'double' | 'block';
}

export interface Pair {
  key: ScalarNode;
  value: Node;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  pairs: Map<string, Pair>;
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
}

export type Node = ScalarNode | MapNode | SeqNode;

export function isMap(node: Node | undefined | null): node is MapNode {
  return node?.kind === 'map';
}

export function isSeq(node: Node | undefined | null): node is SeqNode {
  return node?.kind === 'seq';
}

export function isScalar(node: Node | undefined | null): node is ScalarNode {
  return node?.kind === 'scalar';
}

/** The value node under `key`, if `node` is a mapping that has it. */
export function child(node: Node | undefined | null, key: string): Node | undefined {
  return node?.kind === 'map' ? node.pairs.get(key)?.value : undefined;
}

/** Walk a path of mapping keys. */
export function childAt(node: Node | undefined | null, ...keys: string[]): Node | undefined {
  let current: Node | undefined | null = node;
  for (const key of keys) {
    current = child(current, key);
    if (!current) return undefined;
  }
  return current ?? undefined;
}

export function keyNode(node: Node | undefined | null, key: string): ScalarNode | undefined {
  return node?.kind === 'map' ? node.pairs.get(key)?.key : undefined;
}

/** The scalar value as a string, or undefined for collections and nulls. */
export function scalarString(node: Node | undefined | null): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function scalarValue(node: Node | undefined | null): ScalarValue | undefined {
  return node?.kind === 'scalar' ? node.value : undefined;
}

/** Plain JavaScript value of a node (what the schema validator and `config --format json` see). */
export function toPlain(node: Node | undefined | null): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [key, pair] of node.pairs) setOwn(out, key, toPlain(pair.value));
      return out;
    }
  }
}

/** `out[key] = value`, except that a key written `__proto__` stays a key instead of replacing the prototype. */
export function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

export function makeScalar(value: ScalarValue, loc: Loc, synthetic = true): ScalarNode {
  return { kind: 'scalar', value, written: typeof value === 'string' ? value : null, style: 'plain', loc, synthetic };
}

export function makeMap(loc: Loc, pairs: Map<string, Pair> = new Map(), synthetic = true): MapNode {
  return { kind: 'map', pairs, loc, synthetic };
}

export function makeSeq(loc: Loc, items: Node[] = [], synthetic = true): SeqNode {
  return { kind: 'seq', items, loc, synthetic };
}
