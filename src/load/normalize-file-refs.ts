import { isMap, isScalar, isSeq, toPlain, type Node } from './nodes.ts';
import { isObject } from './normalize-shape.ts';

/**
 * A service's secrets or configs in long syntax: `name` is `{source: name}`,
 * and a secret without target is mounted at `/run/secrets/<source>` (compose
 * gives configs no default target).
 */
export function fileReferences(node: Node, defaultDir: string | undefined): unknown {
  if (!isSeq(node)) return toPlain(node);
  return node.items.map((item) => {
    let entry: Record<string, unknown>;
    if (isScalar(item) && item.value !== null) entry = { source: String(item.value) };
    else if (isMap(item)) {
      const plain = toPlain(item);
      entry = isObject(plain) ? plain : {};
    } else return toPlain(item);
    if (defaultDir !== undefined && (entry.target === undefined || entry.target === null || entry.target === '')) {
      entry.target = `${defaultDir}${String(entry.source)}`;
    }
    return entry;
  });
}
