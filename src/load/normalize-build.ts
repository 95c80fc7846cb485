import { child, isMap, isScalar, toPlain, type Node } from './nodes.ts';
import { fileReferences } from './normalize-file-refs.ts';
import { hostsList } from './normalize-hosts.ts';
import { keyValues } from './normalize-environment.ts';
import type { NormalizeContext } from './normalize-service.ts';
import { isObject } from './normalize-shape.ts';
import { normalizeBytes } from './normalize-units.ts';
import { resolveHostPath } from './normalize-volumes.ts';

/**
 * `build` as compose prints it: always a mapping, the context an absolute path
 * (resolved against the folder of the file that wrote it; `.` when absent)
 * unless it is remote, `Dockerfile` when neither dockerfile nor
 * dockerfile_inline is given, args and labels as mappings.
 */
export function buildConfig(node: Node, ctx: NormalizeContext): unknown {
  if (isScalar(node)) {
    if (node.value === null) return undefined;
    return { context: buildContext(String(node.value), node.loc.file.baseDir, ctx.home), dockerfile: 'Dockerfile' };
  }
  const plain = toPlain(node);
  if (!isMap(node) || !isObject(plain)) return plain;
  const context = child(node, 'context');
  plain.context =
    isScalar(context) && context.value !== null
      ? buildContext(String(context.value), context.loc.file.baseDir, ctx.home)
      : buildContext('.', node.loc.file.baseDir, ctx.home);
  // An empty dockerfile (an unset variable) means the default too.
  if (!plain.dockerfile && !plain.dockerfile_inline) plain.dockerfile = 'Dockerfile';
  const args = keyValues(child(node, 'args'), (key) => ctx.lookup(key) ?? null);
  if (args) plain.args = args;
  const labels = keyValues(child(node, 'labels'), () => '');
  if (labels) plain.labels = labels;
  const contexts = child(node, 'additional_contexts');
  const additional = keyValues(contexts, () => '');
  if (additional && contexts) {
    for (const [name, value] of Object.entries(additional)) {
      if (value !== null && !isRemote(value)) additional[name] = resolveHostPath(value, contexts.loc.file.baseDir, ctx.home);
    }
    plain.additional_contexts = additional;
  }
  const hosts = child(node, 'extra_hosts');
  if (hosts) plain.extra_hosts = hostsList(hosts);
  const secrets = child(node, 'secrets');
  if (secrets) plain.secrets = fileReferences(secrets, '/run/secrets/');
  if ('shm_size' in plain) plain.shm_size = normalizeBytes(plain.shm_size);
  for (const key of ['cache_from', 'cache_to', 'no_cache_filter', 'tags', 'platforms']) {
    if (typeof plain[key] === 'string') plain[key] = [plain[key]];
  }
  return plain;
}

function buildContext(context: string, baseDir: string, home: string): string {
  return isRemote(context) ? context : resolveHostPath(context, baseDir, home);
}

/** Git and HTTP contexts, images (`docker-image://`) and other services (`service:`) are not folders. */
function isRemote(context: string): boolean {
  return context.includes('://') || context.startsWith('git@') || context.startsWith('github.com/') || context.startsWith('service:');
}
