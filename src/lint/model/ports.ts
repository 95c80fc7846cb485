import { child, type Loc, type Node, type ScalarNode } from '../../load/nodes.ts';
import { valueSpan } from './value-span.ts';

export interface PortRange {
  start: number;
  end: number;
}

/** One entry of a service's `ports`, in either syntax, as compose reads it. */
export interface PortMapping {
  /** The list item as written. */
  node: Node;
  /** Host address the port is bound to, without IPv6 brackets; undefined binds every interface. */
  hostIp?: string;
  /** Host port(s); undefined when compose picks an ephemeral port. */
  published?: PortRange;
  target: PortRange;
  protocol: string;
  /** Where the published part was written (for findings about the host side). */
  publishedLoc: Loc;
  /** Short syntax (`"8080:80"`) or long syntax (`target:`). */
  short: boolean;
}

/** Parse every entry of `ports`; entries compose would reject are skipped (the schema reports them). */
export function servicePorts(service: Node): PortMapping[] {
  const ports = child(service, 'ports');
  if (ports?.kind !== 'seq') return [];
  const out: PortMapping[] = [];
  for (const item of ports.items) {
    const mapping = item.kind === 'map' ? parseLong(item) : item.kind === 'scalar' ? parseShort(item) : undefined;
    if (mapping) out.push(mapping);
  }
  return out;
}

function parseRange(text: string): PortRange | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start > 65535 || end > 65535 || end < start) return undefined;
  return { start, end };
}

/** `[[ip:]published:]target[/protocol]`, IPv6 hosts in brackets, ranges with `-`. */
export function parseShortPort(text: string): Omit<PortMapping, 'node' | 'publishedLoc' | 'short'> & { publishedStart: number; publishedEnd: number } | undefined {
  let rest = text.trim();
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
  }
  let hostIp: string | undefined;
  let hostPart: string | undefined;
  let targetPart: string;
  let publishedStart = 0;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    hostIp = rest.slice(1, close);
    const after = rest.slice(close + 1);
    if (!after.startsWith(':')) return undefined;
    const parts = after.slice(1).split(':');
    if (parts.length !== 2) return undefined;
    [hostPart, targetPart] = parts;
    publishedStart = close + 2;
  } else {
    const parts = rest.split(':');
    if (parts.length === 1) targetPart = parts[0];
    else if (parts.length === 2) [hostPart, targetPart] = parts;
    else if (parts.length === 3) {
      [hostIp, hostPart, targetPart] = parts;
      publishedStart = hostIp.length + 1;
    } else {
      // An unbracketed IPv6 address: the last two parts are ports.
      targetPart = parts.pop()!;
      hostPart = parts.pop()!;
      hostIp = parts.join(':');
      publishedStart = hostIp.length + 1;
    }
  }
  const target = parseRange(targetPart);
  if (!target) return undefined;
  let published: PortRange | undefined;
  if (hostPart !== undefined && hostPart !== '') {
    published = parseRange(hostPart);
    if (!published) return undefined;
  }
  const leading = text.length - text.trimStart().length;
  const publishedEnd = hostPart ? publishedStart + hostPart.length : publishedStart;
  return {
    hostIp: hostIp === '' ? undefined : hostIp,
    published,
    target,
    protocol,
    publishedStart: leading + publishedStart,
    publishedEnd: leading + publishedEnd,
  };
}

function parseShort(node: ScalarNode): PortMapping | undefined {
  if (node.value === null) return undefined;
  const text = String(node.value);
  const parsed = parseShortPort(text);
  if (!parsed) return undefined;
  const { publishedStart, publishedEnd, ...rest } = parsed;
  const publishedLoc =
    rest.published && typeof node.value === 'string' ? valueSpan(node, publishedStart, publishedEnd) : node.loc;
  return { ...rest, node, publishedLoc, short: true };
}

function parseLong(node: Node): PortMapping | undefined {
  const targetNode = child(node, 'target');
  if (targetNode?.kind !== 'scalar' || targetNode.value === null) return undefined;
  const target = parseRange(String(targetNode.value));
  if (!target) return undefined;
  const publishedNode = child(node, 'published');
  let published: PortRange | undefined;
  if (publishedNode?.kind === 'scalar' && publishedNode.value !== null && String(publishedNode.value) !== '') {
    published = parseRange(String(publishedNode.value));
    if (!published) return undefined;
  }
  const hostIpNode = child(node, 'host_ip');
  const protocolNode = child(node, 'protocol');
  const hostIp = hostIpNode?.kind === 'scalar' && hostIpNode.value ? String(hostIpNode.value).replace(/^\[|\]$/g, '') : undefined;
  return {
    node,
    hostIp,
    published,
    target,
    protocol: protocolNode?.kind === 'scalar' && protocolNode.value ? String(protocolNode.value).toLowerCase() : 'tcp',
    publishedLoc: publishedNode?.loc ?? node.loc,
    short: false,
  };
}

/** Addresses that bind every interface. */
export function bindsAllInterfaces(hostIp: string | undefined): boolean {
  return hostIp === undefined || hostIp === '0.0.0.0' || hostIp === '::' || hostIp === '';
}
