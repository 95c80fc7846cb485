import type { LoadDiagnostic } from './diagnostics.ts';
import type { Node, Pair, ScalarNode } from './nodes.ts';
import { positionAt, type SourceFile } from './source.ts';

/**
 * Add a key to a mapping being read. A duplicate is reported (compose refuses a mapping with
 * one) and the later one kept, in the later place. Both YAML readers (fast-parse.ts and
 * parse.ts) build mappings through this, so they cannot drift apart.
 */
export function addPair(pairs: Map<string, Pair>, key: ScalarNode, value: Node, file: SourceFile, diagnostics: LoadDiagnostic[]): void {
  const name = String(key.value);
  const previous = pairs.get(name);
  if (previous) {
    const line = positionAt(file, previous.key.loc.start).line;
    diagnostics.push({
      ruleId: 'duplicate-key',
      message: `Key "${name}" is already defined on line ${line}; compose refuses a mapping with a duplicate key, so remove one of them.`,
      loc: key.loc,
    });
    pairs.delete(name);
  }
  pairs.set(name, { key, value });
}

/** Merge-key (`<<`) sources: explicit keys win over merged ones; among sources the first listed wins. */
export function mergeInto(pairs: Map<string, Pair>, sources: readonly Node[]): void {
  for (const source of sources) {
    if (source.kind !== 'map') continue;
    for (const [name, pair] of source.pairs) if (!pairs.has(name)) pairs.set(name, pair);
  }
}
