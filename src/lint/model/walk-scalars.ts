import type { Node, ScalarNode } from '../../load/nodes.ts';

/**
 * Call `visit` for every scalar value (never a mapping key) under `node`, with the
 * mapping keys that lead to it (`*` for a list item). Iterative, and each shared
 * (aliased) node is visited once, so hostile files cost linear time.
 */
export function forEachScalar(node: Node | undefined, visit: (scalar: ScalarNode, path: readonly string[]) => void): void {
  if (!node) return;
  const seen = new Set<Node>();
  // Each entry links to its parent: a path is built only for the scalars visited, not for
  // every mapping and list on the way (the walk was mostly array copying).
  const stack: Step[] = [{ node, key: '', parent: null }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    const current = step.node;
    if (seen.has(current)) continue;
    seen.add(current);
    if (current.kind === 'scalar') {
      visit(current, pathOf(step));
    } else if (current.kind === 'map') {
      // Pushed in reverse, so the first key is visited first.
      const first = stack.length;
      for (const [key, pair] of current.pairs) stack.push({ node: pair.value, key, parent: step });
      for (let i = first, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j], stack[i]];
    } else {
      for (let i = current.items.length - 1; i >= 0; i--) stack.push({ node: current.items[i], key: '*', parent: step });
    }
  }
}

interface Step {
  node: Node;
  /** The mapping key (or `*` for a list item) that leads from the parent; '' for the root. */
  key: string;
  parent: Step | null;
}

function pathOf(step: Step): string[] {
  const path: string[] = [];
  for (let at: Step | null = step; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}
