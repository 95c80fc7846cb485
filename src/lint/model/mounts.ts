import { child, scalarString, type Loc, type Node, type ScalarNode } from '../../load/nodes.ts';
import { valueSpan } from './value-span.ts';

/** One entry of a service's `volumes`, in either syntax. */
export interface Mount {
  node: Node;
  type: string;
  /** Host path (bind), volume name (volume), or undefined (anonymous volume, tmpfs). */
  source?: string;
  target?: string;
  readOnly: boolean;
  /** Bind propagation (`shared`, `rslave`, ...), if written. */
  propagation?: string;
  /** Where the source was written, for findings about the host path. */
  sourceLoc: Loc;
  /** Where a finding about the access mode belongs: the `:mode` part, `read_only`, or the whole entry. */
  modeLoc: Loc;
  short: boolean;
}

const PROPAGATIONS = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);

export function serviceMounts(service: Node): Mount[] {
  const volumes = child(service, 'volumes');
  if (volumes?.kind !== 'seq') return [];
  const out: Mount[] = [];
  for (const item of volumes.items) {
    const mount = item.kind === 'scalar' ? parseShort(item) : item.kind === 'map' ? parseLong(item) : undefined;
    if (mount) out.push(mount);
  }
  return out;
}

/** compose's rule: a source that is a path (absolute, `.`, `~`) is a bind mount, anything else a named volume. */
export function isHostPath(source: string): boolean {
  return source.startsWith('/') || source.startsWith('.') || source.startsWith('~') || /^[a-zA-Z]:[\\/]/.test(source) || source.startsWith('\\\\');
}

function parseShort(node: ScalarNode): Mount | undefined {
  if (typeof node.value !== 'string') return undefined;
  const text = node.value;
  const parts = splitShortVolume(text);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) {
    return { node, type: 'volume', target: parts[0], readOnly: false, sourceLoc: node.loc, modeLoc: node.loc, short: true };
  }
  const [source, target, mode = ''] = parts;
  const options = mode.split(',').filter(Boolean);
  const modeStart = source.length + 1 + target.length + 1;
  return {
    node,
    type: isHostPath(source) ? 'bind' : 'volume',
    source,
    target,
    readOnly: options.includes('ro'),
    propagation: options.find((option) => PROPAGATIONS.has(option)),
    sourceLoc: valueSpan(node, 0, source.length),
    modeLoc: mode ? valueSpan(node, modeStart, modeStart + mode.length) : node.loc,
    short: true,
  };
}

/** Split `source:target:mode`, keeping Windows drive letters (`C:\data`) whole. */
function splitShortVolume(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const driveLetter = c === ':' && current.length === 1 && /[a-zA-Z]/.test(current) && /[\\/]/.test(text[i + 1] ?? '');
    if (c === ':' && !driveLetter) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.length > 3 ? [] : parts;
}

function parseLong(node: Node): Mount {
  const typeText = scalarString(child(node, 'type')) ?? 'volume';
  const sourceNode = child(node, 'source');
  const readOnlyNode = child(node, 'read_only');
  const readOnly = readOnlyNode?.kind === 'scalar' && readOnlyNode.value === true;
  const propagationNode = child(child(node, 'bind'), 'propagation');
  return {
    node,
    type: typeText,
    source: scalarString(sourceNode),
    target: scalarString(child(node, 'target')),
    readOnly,
    propagation: scalarString(propagationNode),
    sourceLoc: sourceNode?.loc ?? node.loc,
    modeLoc: readOnlyNode?.loc ?? node.loc,
    short: false,
  };
}
