import type { VariableRef } from '../../load/interpolate-tree.ts';
import type { LoadedProject } from '../../load/project.ts';
import { child, type MapNode, type Node, type ScalarNode } from '../../load/nodes.ts';

export interface ServiceModel {
  name: string;
  /** The service's key under `services:` (where "missing X" findings point). */
  key: ScalarNode;
  /** The service mapping (an empty synthetic mapping when written as `name:` with no body). */
  node: MapNode;
}

export interface ResourceModel {
  kind: 'network' | 'volume' | 'secret' | 'config';
  name: string;
  key: ScalarNode;
  /** The definition: a mapping, or a null scalar for `name:` with no body. */
  node: Node;
}

/** The loaded project as rules see it: merged, interpolated, with every node's origin. */
export interface ProjectModel {
  name: string;
  workingDir: string;
  root: MapNode;
  services: ServiceModel[];
  serviceByName: ReadonlyMap<string, ServiceModel>;
  networks: ResourceModel[];
  volumes: ResourceModel[];
  secrets: ResourceModel[];
  configs: ResourceModel[];
  /** Every `$VAR` written in the project's files. */
  variables: readonly VariableRef[];
  /** Variable lookup (process environment, then env files). */
  lookupVariable(name: string): string | undefined;
  /** The project's compose files (absolute paths, merge order). */
  configFiles: readonly string[];
  /** Env files that were read (absolute paths). */
  envFiles: readonly string[];
}

export function buildProjectModel(project: LoadedProject, root: MapNode): ProjectModel {
  const services: ServiceModel[] = [];
  const servicesNode = child(root, 'services');
  if (servicesNode?.kind === 'map') {
    for (const [name, pair] of servicesNode.pairs) {
      const node: MapNode =
        pair.value.kind === 'map' ? pair.value : { kind: 'map', pairs: new Map(), loc: pair.key.loc, synthetic: true };
      services.push({ name, key: pair.key, node });
    }
  }
  return {
    name: project.name,
    workingDir: project.workingDir,
    root,
    services,
    serviceByName: new Map(services.map((service) => [service.name, service])),
    networks: resources(root, 'networks', 'network'),
    volumes: resources(root, 'volumes', 'volume'),
    secrets: resources(root, 'secrets', 'secret'),
    configs: resources(root, 'configs', 'config'),
    variables: project.variables,
    lookupVariable: project.env.lookup,
    configFiles: project.configFiles.map((file) => file.path),
    envFiles: project.envFiles,
  };
}

function resources(root: MapNode, section: string, kind: ResourceModel['kind']): ResourceModel[] {
  const node = child(root, section);
  if (node?.kind !== 'map') return [];
  return [...node.pairs].map(([name, pair]) => ({ kind, name, key: pair.key, node: pair.value }));
}
