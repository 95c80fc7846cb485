import { child, scalarString, scalarValue, type Node } from '../../load/nodes.ts';
import type { ProjectModel, ServiceModel } from './project-model.ts';
import { serviceDependencies } from './depends-on.ts';

/** Containers compose starts for a service: `deploy.replicas`, else `scale`, else 1. */
export function replicaCount(service: Node): number {
  const replicas = scalarValue(child(child(service, 'deploy'), 'replicas'));
  if (typeof replicas === 'number') return replicas;
  const scale = scalarValue(child(service, 'scale'));
  if (typeof scale === 'number') return scale;
  return 1;
}

/** The node that sets the replica count, for findings about scaling. */
export function replicaNode(service: Node): Node | undefined {
  return child(child(service, 'deploy'), 'replicas') ?? child(service, 'scale');
}

/**
 * Networks a service joins. With no `networks:` and no `network_mode`, compose
 * attaches it to the project's `default` network.
 */
export function serviceNetworks(service: Node): string[] {
  if (child(service, 'network_mode')) return [];
  const networks = child(service, 'networks');
  if (networks?.kind === 'seq') return networks.items.map((item) => scalarString(item)).filter((name): name is string => !!name);
  if (networks?.kind === 'map') return [...networks.pairs.keys()];
  return ['default'];
}

/**
 * Which services are one-shot jobs (migrations, seeders) rather than long-running:
 * a service another one waits for with `service_completed_successfully`, or one
 * whose restart policy is explicitly "no". Computed once per project.
 */
export function oneShotServices(project: ProjectModel): Set<string> {
  const out = new Set<string>();
  for (const service of project.services) {
    for (const dependency of serviceDependencies(service.node)) {
      if (dependency.condition === 'service_completed_successfully') out.add(dependency.name);
    }
    const restart = scalarValue(child(service.node, 'restart'));
    const policy = scalarString(child(child(child(service.node, 'deploy'), 'restart_policy'), 'condition'));
    if (restart === 'no' || restart === false || policy === 'none') out.add(service.name);
  }
  return out;
}

const oneShotCache = new WeakMap<ProjectModel, Set<string>>();

/** Memoised per project, so rules asking per service stay linear. */
export function isOneShot(project: ProjectModel, service: ServiceModel): boolean {
  let set = oneShotCache.get(project);
  if (!set) oneShotCache.set(project, (set = oneShotServices(project)));
  return set.has(service.name);
}

/** The image a service runs, if it names one. */
export function serviceImage(service: Node): string | undefined {
  return scalarString(child(service, 'image'));
}
