import { child, type Loc, type Node, type ScalarNode } from '../../load/nodes.ts';
import { spanWithin } from '../../load/scalar-span.ts';

/** One entry of `environment`, `labels` or `build.args`, from the list (`K=V`) or mapping form. */
export interface KeyValue {
  key: string;
  /** null for `KEY` alone (value taken from the environment at run time) or `KEY:` with no value. */
  value: string | null;
  /** The scalar that holds the value (the list item for `K=V`). */
  node: ScalarNode;
  keyLoc: Loc;
  /** The value's exact range when it can be computed, else the node's. */
  valueLoc: Loc;
  /** Text of the value as written, before interpolation (for `${VAR:-literal}` checks). */
  writtenValue: string | null;
}

export function keyValues(container: Node | undefined): KeyValue[] {
  if (container?.kind === 'map') {
    const out: KeyValue[] = [];
    for (const [key, pair] of container.pairs) {
      const value = pair.value;
      if (value.kind !== 'scalar') continue;
      out.push({
        key,
        value: value.value === null ? null : String(value.value),
        node: value,
        keyLoc: pair.key.loc,
        valueLoc: value.loc,
        writtenValue: value.written ?? (value.value === null ? null : String(value.value)),
      });
    }
    return out;
  }
  if (container?.kind !== 'seq') return [];
  const out: KeyValue[] = [];
  for (const item of container.items) {
    if (item.kind !== 'scalar' || item.value === null) continue;
    const text = String(item.value);
    const written = item.written ?? text;
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    const writtenEq = written.indexOf('=');
    out.push({
      key,
      value: eq < 0 ? null : text.slice(eq + 1),
      node: item,
      keyLoc: spanWithin(item, 0, writtenEq < 0 ? written.length : writtenEq),
      valueLoc: writtenEq < 0 ? item.loc : spanWithin(item, writtenEq + 1, written.length),
      writtenValue: writtenEq < 0 ? null : written.slice(writtenEq + 1),
    });
  }
  return out;
}

/** A service's environment entries. */
export function serviceEnvironment(service: Node): KeyValue[] {
  return keyValues(child(service, 'environment'));
}
