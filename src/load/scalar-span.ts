import type { Loc, ScalarNode } from './nodes.ts';

/**
 * The file range of characters [from, to) of a scalar's written text. Exact when
 * the text maps one-to-one onto the source (a one-line plain scalar, or a quoted
 * one without escapes); otherwise the whole scalar, which is still the right line.
 */
export function spanWithin(node: ScalarNode, from: number, to: number): Loc {
  const { loc, written } = node;
  if (written === null) return loc;
  const source = loc.file.text.slice(loc.start, loc.end);
  let offset: number | undefined;
  if (node.style === 'plain' && source === written) offset = 0;
  else if ((node.style === 'double' || node.style === 'single') && source.slice(1, -1) === written) offset = 1;
  if (offset === undefined) return loc;
  return { file: loc.file, start: loc.start + offset + from, end: loc.start + offset + to };
}
