import { child, isMap, isScalar, isSeq, type MapNode } from '../load/nodes.ts';
import { isObject } from '../load/normalize-shape.ts';

/**
 * The one-name-per-line outputs of `config`, read from the normalised project
 * as compose reads its model. compose prints some of these in Go map order,
 * which is random; we sort them.
 */

/** Services in the order compose starts them: each after what it depends on, otherwise by name. */
export function serviceNames(document: Record<string, unknown>): string[] {
  const services = isObject(document.services) ? document.services : {};
  const names = Object.keys(services).sort();
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !Object.hasOwn(services, name)) return;
    seen.add(name);
    const service = services[name];
    const dependsOn = isObject(service) && isObject(service.depends_on) ? Object.keys(service.depends_on).sort() : [];
    for (const dependency of dependsOn) visit(dependency);
    out.push(name);
  };
  for (const name of names) visit(name);
  return out;
}

export function resourceNames(document: Record<string, unknown>, section: 'volumes' | 'networks'): string[] {
  const resources = document[section];
  return isObject(resources) ? Object.keys(resources).sort() : [];
}

/** Each service's image; a service that only builds gets compose's default name `<project>-<service>`. */
export function imageNames(document: Record<string, unknown>, project: string): string[] {
  const services = isObject(document.services) ? document.services : {};
  return Object.keys(services)
    .sort()
    .map((name) => {
      const service = services[name];
      const image = isObject(service) ? service.image : undefined;
      return typeof image === 'string' && image !== '' ? image : `${project}-${name}`;
    });
}

/** Every profile any service names, enabled or not, sorted. */
export function profileNames(root: MapNode | null): string[] {
  const services = child(root, 'services');
  const names = new Set<string>();
  if (!isMap(services)) return [];
  for (const pair of services.pairs.values()) {
    const profiles = child(pair.value, 'profiles');
    if (!isSeq(profiles)) continue;
    for (const item of profiles.items) if (isScalar(item) && item.value !== null) names.add(String(item.value));
  }
  return [...names].sort();
}
