import { isMap, isScalar, isSeq, type Node } from './nodes.ts';
import { toPlain } from './nodes.ts';

/**
 * extra_hosts as compose prints them: a sorted list of `host=ip`, whether
 * written as `host:ip`, `host=ip` or a mapping, one entry per address
 * (`host=ip1,ip2` is two), with IPv6 brackets removed.
 */
export function hostsList(node: Node): unknown {
  const pairs: [string, string][] = [];
  if (isMap(node)) {
    for (const [host, pair] of node.pairs) {
      const value = pair.value;
      if (isSeq(value)) for (const item of value.items) pairs.push([host, scalarText(item)]);
      else pairs.push([host, scalarText(value)]);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const text = scalarText(item);
      const sep = text.includes('=') ? text.indexOf('=') : text.indexOf(':');
      if (sep < 0) return toPlain(node);
      for (const ip of text.slice(sep + 1).split(',')) pairs.push([text.slice(0, sep), ip]);
    }
  } else {
    return toPlain(node);
  }
  return pairs
    .map(([host, ip]) => `${host}=${ip.length > 2 && ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function scalarText(node: Node): string {
  return isScalar(node) && node.value !== null ? String(node.value) : '';
}
