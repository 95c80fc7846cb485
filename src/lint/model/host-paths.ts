import { posix } from 'node:path';
import { child, scalarString, type Node, type ScalarNode } from '../../load/nodes.ts';

/**
 * A host path as written in a bind mount, normalised for comparison: `\` becomes
 * `/`, `.`/`..` segments and repeated or trailing slashes go. Relative paths stay
 * relative (they resolve inside the project, not at a system path).
 */
export function normalizeHostPath(path: string): string {
  const text = path.trim().replace(/\\/g, '/');
  if (text === '') return text;
  if (text.startsWith('//')) return `//${posix.normalize(text.slice(2)).replace(/\/+$/, '')}`;
  const normalised = posix.normalize(text);
  return normalised.length > 1 ? normalised.replace(/\/+$/, '') : normalised;
}

/** True when `path` is `base` or lies under it (both normalised). */
export function isPathOrUnder(path: string, base: string): boolean {
  if (base === '/') return path.startsWith('/');
  return path === base || path.startsWith(`${base}/`);
}

/**
 * The host directory a top-level named volume binds through the local driver
 * (`driver_opts: {type: none, o: bind, device: /path}`), if it does.
 */
export function namedVolumeBindDevice(definition: Node): ScalarNode | undefined {
  const options = child(definition, 'driver_opts');
  const o = scalarString(child(options, 'o'));
  const device = child(options, 'device');
  if (o === undefined || device?.kind !== 'scalar' || device.value === null) return undefined;
  const driver = scalarString(child(definition, 'driver'));
  if (driver !== undefined && driver !== 'local') return undefined;
  if (!o.split(',').some((option) => option.trim() === 'bind' || option.trim() === 'rbind')) return undefined;
  return device;
}

/** Sockets of container engines: whoever can talk to one controls the host. */
const ENGINE_SOCKETS = new Set(['docker.sock', 'podman.sock', 'containerd.sock', 'crio.sock', 'cri-dockerd.sock', 'dockershim.sock']);

/** The normalised path when `path` names a container engine's socket (or Docker's Windows named pipe). */
export function engineSocketPath(path: string): string | undefined {
  const slashed = path.trim().replace(/\\/g, '/');
  if (/^\/\/\.\/pipe\/docker_engine$/i.test(slashed)) return slashed;
  const normalised = normalizeHostPath(path);
  const lower = normalised.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  return ENGINE_SOCKETS.has(base) ? normalised : undefined;
}
