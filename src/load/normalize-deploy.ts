import { child, toPlain, type Node } from './nodes.ts';
import { keyValues } from './normalize-environment.ts';
import { isObject } from './normalize-shape.ts';
import { normalizeBytes, normalizeDuration } from './normalize-units.ts';

/**
 * `deploy` with compose's value types: memory in bytes (a string), cpus a
 * number, durations in Go's form, labels a mapping.
 */
export function deployConfig(node: Node): unknown {
  const plain = toPlain(node);
  if (!isObject(plain)) return plain;
  const labels = keyValues(child(node, 'labels'), () => '');
  if (labels) plain.labels = labels;
  if (isObject(plain.resources)) {
    for (const key of ['limits', 'reservations']) {
      const resource = plain.resources[key];
      if (!isObject(resource)) continue;
      if ('memory' in resource) resource.memory = normalizeBytes(resource.memory);
      if (typeof resource.cpus === 'string' && resource.cpus.trim() !== '' && Number.isFinite(Number(resource.cpus))) {
        resource.cpus = Number(resource.cpus);
      }
    }
  }
  durations(plain.restart_policy, ['delay', 'window']);
  durations(plain.update_config, ['delay', 'monitor']);
  durations(plain.rollback_config, ['delay', 'monitor']);
  return plain;
}

function durations(section: unknown, keys: string[]): void {
  if (!isObject(section)) return;
  for (const key of keys) if (key in section) section[key] = normalizeDuration(section[key]);
}
