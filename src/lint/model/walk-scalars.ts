import type { Node, ScalarNode } from '../../load/nodes.ts';

/**
 * Call `visit` for every scalar value (never a mapping key) under `node`, with the
 * mapping keys that lead to it (`*` for a list item). Iterative, and each shared
 * (aliased) node is visited once, so hostile files cost linear time.
 */
export function forEachScalar(node: Node | undefined, visit: (scalar: ScalarNode, path: readonly string[]) => void): void {
  if (!node) return;
  const seen = new Set<Node>();
  const stack: { node: Node; path: readonly string[] }[] = [{ node, path: [] }];
  while (stack.length > 0) {
    const { node: current, path } = stack.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    if (current.kind === 'scalar') {
      visit(current, path);
    } else if (current.kind === 'map') {
      const pairs = [...current.pairs];
      for (let i = pairs.length - 1; i >= 0; i--) stack.push({ node: pairs[i][1].value, path: [...path, pairs[i][0]] });
    } else {
      for (let i = current.items.length - 1; i >= 0; i--) stack.push({ node: current.items[i], path: [...path, '*'] });
    }
  }
}
