/**
 * Ports in compose's long syntax. The short form `[ip:][host:]container[/proto]`
 * is read as Docker's port-spec parser reads it: ranges expand to one entry per
 * container port (`8000-8001:80-81` is two), a host range with a single
 * container port stays a range to allocate from, an IPv6 host ip is written in
 * brackets, and the entries of one spec come out sorted as strings ("80/tcp"
 * before "9/tcp"), as compose sorts them.
 */

export type PortConfig = Record<string, unknown>;

/** The long entries of one short spec, or undefined when compose cannot read it. */
export function parsePortSpec(spec: string): PortConfig[] | undefined {
  let rest = spec;
  let protocol = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1).toLowerCase();
    rest = rest.slice(0, slash);
    if (protocol === '') return undefined;
  }
  const parts = splitHostIp(rest);
  if (!parts) return undefined;
  const { hostIp, hostPort, containerPort } = parts;
  const container = parseRange(containerPort);
  if (!container) return undefined;
  const host = hostPort === '' ? undefined : parseRange(hostPort);
  if (hostPort !== '' && !host) return undefined;
  const containerCount = container.end - container.start;
  if (host && host.end - host.start !== containerCount && containerCount !== 0) return undefined;

  const entries: { key: string; config: PortConfig }[] = [];
  for (let i = 0; i <= containerCount; i++) {
    const target = container.start + i;
    let published: string | undefined;
    if (host) {
      published = String(host.start + i);
      // One container port with a host range: the range is where docker picks a free port.
      if (containerCount === 0 && host.start !== host.end) published = `${host.start}-${host.end}`;
    }
    const config: PortConfig = { mode: 'ingress' };
    if (hostIp !== '') config.host_ip = hostIp;
    config.target = target;
    if (published !== undefined) config.published = published;
    config.protocol = protocol;
    entries.push({ key: `${target}/${protocol}`, config });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map((entry) => entry.config);
}

/** `ip:host:container`, `host:container` or `container`; an IPv6 ip may be bracketed. */
function splitHostIp(text: string): { hostIp: string; hostPort: string; containerPort: string } | undefined {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) return undefined;
    const hostIp = text.slice(1, close);
    const after = text.slice(close + 1);
    if (!after.startsWith(':')) return undefined;
    const [hostPort, containerPort, extra] = after.slice(1).split(':');
    if (extra !== undefined || containerPort === undefined) return undefined;
    return { hostIp, hostPort, containerPort };
  }
  const parts = text.split(':');
  if (parts.length === 1) return { hostIp: '', hostPort: '', containerPort: parts[0] };
  if (parts.length === 2) return { hostIp: '', hostPort: parts[0], containerPort: parts[1] };
  // Unbracketed IPv6 (`::1:80:80`): the last two fields are the ports.
  return {
    hostIp: parts.slice(0, -2).join(':'),
    hostPort: parts[parts.length - 2],
    containerPort: parts[parts.length - 1],
  };
}

function parseRange(text: string): { start: number; end: number } | undefined {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!match) return undefined;
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  if (start > 65535 || end > 65535 || end < start) return undefined;
  return { start, end };
}

/** A long-syntax entry with compose's defaults and types: published is a string, target a number. */
export function completePortConfig(entry: Record<string, unknown>): PortConfig {
  const out: PortConfig = { ...entry };
  if (out.mode === undefined || out.mode === null) out.mode = 'ingress';
  if (out.protocol === undefined || out.protocol === null) out.protocol = 'tcp';
  if (typeof out.published === 'number') out.published = String(out.published);
  if (typeof out.target === 'string' && /^\d+$/.test(out.target)) out.target = Number(out.target);
  return out;
}
