import type { Loc, ScalarNode } from '../../load/nodes.ts';
import { spanWithin } from '../../load/scalar-span.ts';

/**
 * The file range of characters [from, to) of a scalar's value, for offsets
 * computed on the value after interpolation. `spanWithin` counts on the text as
 * written; when interpolation changed the text the two disagree, so the whole
 * scalar is returned instead (still the right line, never a wrong column).
 */
export function valueSpan(node: ScalarNode, from: number, to: number): Loc {
  if (node.written === null || node.value === null || node.written !== String(node.value)) return node.loc;
  return spanWithin(node, from, to);
}
