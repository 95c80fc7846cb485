import { isAbsolute, posix, resolve } from 'node:path';

/**
 * Service volumes in compose's long syntax. The short form `[source:]target[:options]`
 * is read as compose-go reads it: a source that starts with `.`, `/`, `~` (or a
 * Windows drive or pipe) is a bind mount, which compose creates on the host when
 * missing (`create_host_path: true`); any other source is a named volume, no
 * source an anonymous one. A `:` inside `${...}` or after a drive letter does not
 * split.
 */

export type VolumeConfig = Record<string, unknown>;

const PROPAGATIONS = new Set(['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave']);
const SELINUX = new Set(['z', 'Z']);

/** The long form of a short spec, or undefined when compose cannot read it. */
export function parseVolumeSpec(spec: string): VolumeConfig | undefined {
  if (spec.length === 0) return undefined;
  // compose takes a one- or two-character spec as a bare target.
  if (spec.length <= 2) return { type: 'volume', target: spec };
  const fields = splitFields(spec);
  if (!fields || fields.some((field) => field === '')) return undefined;
  let source = '';
  let target: string;
  let options = '';
  if (fields.length === 1) target = fields[0];
  else if (fields.length <= 3) [source, target, options = ''] = fields;
  else return undefined;

  const volume: VolumeConfig = {};
  let readOnly = false;
  let nocopy = false;
  const bind: Record<string, unknown> = {};
  for (const option of options === '' ? [] : options.split(',')) {
    if (option === 'ro') readOnly = true;
    else if (option === 'rw') readOnly = false;
    else if (option === 'nocopy') nocopy = true;
    else if (PROPAGATIONS.has(option)) bind.propagation = option;
    else if (SELINUX.has(option)) bind.selinux = option;
  }
  const isBind = isHostPath(source);
  volume.type = isBind ? 'bind' : 'volume';
  if (source !== '') volume.source = source;
  volume.target = target;
  if (readOnly) volume.read_only = true;
  if (isBind) {
    volume.bind = { ...bind, create_host_path: true };
  } else {
    volume.volume = nocopy ? { nocopy: true } : {};
  }
  return volume;
}

function splitFields(spec: string): string[] | undefined {
  const fields: string[] = [];
  let buffer = '';
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const ch = spec[i];
    if (ch === '$' && spec[i + 1] === '{') {
      depth++;
      buffer += ch;
    } else if (ch === '}' && depth > 0) {
      depth--;
      buffer += ch;
    } else if (ch === ':' && buffer.length === 1 && /\p{L}/u.test(buffer)) {
      buffer += ch; // a Windows drive letter
    } else if (ch === ':' && depth === 0) {
      fields.push(buffer);
      buffer = '';
    } else buffer += ch;
  }
  fields.push(buffer);
  return fields;
}

function isHostPath(source: string): boolean {
  if (source === '') return false;
  if ('./~'.includes(source[0]) || source.startsWith('\\\\')) return true;
  return /^\p{L}:/u.test(source);
}

/** Where a relative or `~` host path points, as compose resolves it against the file's project folder. */
export function resolveHostPath(path: string, baseDir: string, home: string): string {
  let expanded = path;
  if (path === '~' || path.startsWith('~/')) expanded = home + path.slice(1);
  if (/^\p{L}:[\\/]/u.test(expanded) || expanded.startsWith('\\\\')) return expanded;
  return isAbsolute(expanded) ? posix.normalize(expanded).replace(/(.)\/$/, '$1') : resolve(baseDir, expanded);
}

/** Long-syntax entries get compose's defaults: a `bind:` section creates the host path unless it says not to. */
export function completeVolumeConfig(entry: VolumeConfig): VolumeConfig {
  const out: VolumeConfig = { ...entry };
  const bind = out.bind;
  if (bind && typeof bind === 'object' && !Array.isArray(bind) && !('create_host_path' in bind)) {
    out.bind = { ...(bind as Record<string, unknown>), create_host_path: true };
  }
  if (typeof out.target === 'string') out.target = cleanTarget(out.target);
  return out;
}

/** Container paths are cleaned like Go's path.Clean (`/data/` is `/data`). */
export function cleanTarget(target: string): string {
  if (target === '') return target;
  return posix.normalize(target).replace(/(.)\/$/, '$1');
}
