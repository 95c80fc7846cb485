import { posix } from 'node:path';
import type { Loc, Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { mountGlob } from '../src/lint/mount-glob.ts';
import { engineSocketPath, isPathOrUnder, normalizeHostPath } from '../src/lint/model/host-paths.ts';
import { serviceMounts, type Mount } from '../src/lint/model/mounts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/**
 * Path components that name a directory a service writes to (its state, not its
 * inputs). A component matches when one of its `-`/`_`/`.` separated words is in
 * the set, or ends in `data` (`pgdata`, `esdata`).
 */
const DATA_WORDS = new Set([
  'data', 'db', 'database', 'databases', 'log', 'logs', 'upload', 'uploads', 'cache', 'caches', 'tmp', 'temp',
  'output', 'outputs', 'out', 'backup', 'backups', 'storage', 'media', 'download', 'downloads', 'state',
  'persist', 'persistent', 'persistence', 'volumes', 'spool', 'queue', 'sessions',
  // Training runs write these.
  'checkpoint', 'checkpoints', 'ckpt', 'ckpts', 'runs', 'mlruns', 'artifacts', 'results', 'wandb', 'tensorboard',
  // Libraries and files that media, sync and document services manage.
  'files', 'library', 'originals', 'photos', 'pictures', 'videos', 'movies', 'tv', 'music', 'books', 'vaults', 'drive',
  'recordings', 'record', 'transcode', 'export', 'exports', 'consume', 'thumbnails', 'generated', 'watch', 'index', 'indexdir',
  'letsencrypt', 'acme',
]);

/** Words in any component of a host path that say the folder is kept for container state (`/mnt/docker-volumes/app`, unRAID's `appdata`). */
const HOST_STATE_WORDS = new Set(['volume', 'volumes', 'appdata', 'persist', 'persistent', 'persistence']);

/**
 * Container folders that hold an application's state by convention: `/config` is where
 * the linuxserver.io images (and many others) keep their settings and databases.
 */
const STATE_FOLDERS = new Set(['/config']);

/** Container folders that hold state by convention (FHS and common images). */
const STATE_PREFIXES = ['/var/lib', '/var/log', '/var/cache', '/var/spool', '/var/opt', '/var/backups', '/tmp', '/var/tmp', '/bitnami'];

/** Container folders that only hold inputs, whatever the host folder is called: database init scripts. */
const INPUT_FOLDERS = ['/docker-entrypoint-initdb.d'];

/** Host or container paths that are sockets, devices or runtime state rather than files a service reads. */
const RUNTIME_PREFIXES = ['/dev', '/proc', '/sys', '/run', '/var/run'];

/** Files services write in place. */
const DATA_FILE = /\.(?:db|sqlite|sqlite3|db3|log|lock|pid|sock|socket)$/i;
const WRITTEN_FILES = new Set(['acme.json']);

function isDataName(component: string): boolean {
  const words = component.toLowerCase().split(/[-_.]+/).filter(Boolean);
  return words.some((word) => DATA_WORDS.has(word) || (word.length > 4 && word.endsWith('data')));
}

function basename(path: string): string {
  return posix.basename(path.replace(/\\/g, '/'));
}

/** The `:mode` part, `read_only: false`, or the entry (a long entry without the line break after it). */
function entryLoc(mount: Mount): Loc {
  const { node, modeLoc } = mount;
  if (node.kind !== 'map' || modeLoc !== node.loc) return modeLoc;
  const end = contentEnd(node);
  return end > node.loc.start ? { file: node.loc.file, start: node.loc.start, end } : node.loc;
}

/** Where the last character of a block collection's content is (its loc runs on to the next line). */
function contentEnd(node: Node): number {
  if (node.kind === 'scalar') return node.loc.end;
  let end = node.loc.start;
  const children = node.kind === 'map' ? [...node.pairs.values()].flatMap((pair) => [pair.key, pair.value]) : node.items;
  for (const item of children) if (item.loc.file === node.loc.file) end = Math.max(end, contentEnd(item));
  // Flow collections (`{...}`, `[...]`) end at their closing bracket.
  const closing = node.loc.file.text[node.loc.end - 1];
  return closing === '}' || closing === ']' ? Math.max(end, node.loc.end) : end;
}

interface Options {
  writable: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'read-only-mounts',
    description: 'A bind mount of configuration, code, init scripts or models that is not read-only',
    severity: 'warning',
    tags: ['guide', 'security'],
    securitySeverity: '4.0',
    messages: {
      writableShort:
        'The bind mount of "{{source}}" at "{{target}}" is writable, so the container can change it on the host; append ":ro", or name the path in the writable option if the service must write there.',
      writableLong:
        'The bind mount of "{{source}}" at "{{target}}" is writable, so the container can change it on the host; set read_only: true, or name the path in the writable option if the service must write there.',
    },
    options: {
      type: 'object',
      properties: {
        writable: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Container or host paths (as written; `*` and `**` globs) that services may mount read-write, in addition to the data, log, cache and database folders the rule already recognises. A path also covers everything below it.',
        },
      },
      additionalProperties: false,
    },
    defaults: { writable: [] },
    docs: docsUrl('read-only-mounts'),
  },
  create(context) {
    const writable = (context.options.writable ?? []).map((entry) => mountGlob(normalizeHostPath(entry).replace(/^\.\//, '')));
    const allowed = (path: string) => {
      const normal = normalizeHostPath(path).replace(/^\.\//, '');
      return writable.some((matches) => matches(normal));
    };

    /** Whether the mounted path is one the service is expected to write. */
    const isStateMount = (mount: Mount, source: string, target: string): boolean => {
      const hostPath = normalizeHostPath(source);
      const containerPath = normalizeHostPath(target);
      if (engineSocketPath(hostPath) || engineSocketPath(containerPath)) return true; // no-docker-socket
      if (RUNTIME_PREFIXES.some((base) => isPathOrUnder(hostPath, base) || isPathOrUnder(containerPath, base))) return true;
      if (allowed(hostPath) || allowed(containerPath)) return true;
      const targetName = basename(containerPath);
      const sourceName = basename(hostPath);
      if (DATA_FILE.test(targetName) || DATA_FILE.test(sourceName) || WRITTEN_FILES.has(targetName.toLowerCase())) return true;
      // A single file (known from disk, else from an extension) is configuration or code, wherever it lives.
      const resolved = context.files.resolve(mount.sourceLoc, source);
      const isFile = context.files.exists(resolved)
        ? !context.files.isDirectory(resolved)
        : /\.(?!d$)[A-Za-z0-9]{1,10}$/.test(targetName) && !targetName.startsWith('.');
      if (isFile) return false;
      if (INPUT_FOLDERS.some((base) => isPathOrUnder(containerPath, base))) return false;
      if (STATE_PREFIXES.some((base) => isPathOrUnder(containerPath, base))) return true;
      if (STATE_FOLDERS.has(containerPath)) return true;
      if (hostPath.split('/').some((component) => component.toLowerCase().split(/[-_.]+/).some((word) => HOST_STATE_WORDS.has(word)))) return true;
      if (containerPath.split('/').some(isDataName)) return true;
      return isDataName(sourceName);
    };

    return {
      service(service) {
        for (const mount of serviceMounts(service.node)) {
          if (mount.type !== 'bind' || mount.readOnly) continue;
          const { source, target } = mount;
          if (source === undefined || source === '' || target === undefined || target === '') continue;
          if (isStateMount(mount, source, target)) continue;
          context.report({
            node: entryLoc(mount),
            messageId: mount.short ? 'writableShort' : 'writableLong',
            data: { source, target },
          });
        }
      },
    };
  },
});
