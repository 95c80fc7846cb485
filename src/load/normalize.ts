import { builtin } from '../lazy-builtin.ts';
import type { LoadDiagnostic } from './diagnostics.ts';
import { child, isMap, isScalar, setOwn, toPlain, type MapNode, type Node } from './nodes.ts';
import { keyValues } from './normalize-environment.ts';
import { normalizeService, type NormalizeContext } from './normalize-service.ts';
import { isObject } from './normalize-shape.ts';
import { resolveHostPath } from './normalize-volumes.ts';

/**
 * The merged project in compose-go's canonical form, as `docker compose config`
 * prints it: long syntax everywhere, compose's defaults filled in (port mode
 * and protocol, secret targets, `create_host_path`, the implicit `default`
 * network, resource names `<project>_<key>`), host paths absolute, the obsolete
 * `version` and the resolved `include` gone. Key order and empty values are
 * normalize-shape's business.
 */

export interface NormalizeOptions {
  /** The project name (already normalised as compose does). */
  name: string;
  lookup: (name: string) => string | undefined;
  /** Home folder for `~` in paths; defaults to the user's. */
  home?: string;
  /** Fold env_file into environment (the interpolated output) or keep the list (the raw model). */
  foldEnvFiles?: boolean;
}

export interface NormalizedProject {
  document: Record<string, unknown>;
  /** Problems only normalising finds (a missing env_file): compose refuses such a project. */
  diagnostics: LoadDiagnostic[];
}

const RESOURCE_SECTIONS = ['networks', 'volumes', 'secrets', 'configs'] as const;
const DROPPED = new Set(['version', 'include', 'name', 'services', ...RESOURCE_SECTIONS]);

export function normalizeProject(root: MapNode, options: NormalizeOptions): NormalizedProject {
  const diagnostics: LoadDiagnostic[] = [];
  const ctx: NormalizeContext = {
    lookup: options.lookup,
    home: options.home ?? builtin<typeof import('node:os')>('node:os').homedir(),
    diagnostics,
    foldEnvFiles: options.foldEnvFiles ?? true,
  };
  const document: Record<string, unknown> = { name: options.name };

  const services: Record<string, unknown> = {};
  const servicesNode = child(root, 'services');
  let usesDefaultNetwork = false;
  if (isMap(servicesNode)) {
    for (const [name, pair] of servicesNode.pairs) {
      const body: MapNode = isMap(pair.value) ? pair.value : { kind: 'map', pairs: new Map(), loc: pair.value.loc };
      const service = normalizeService(name, body, ctx);
      if (isObject(service.networks) && 'default' in service.networks) usesDefaultNetwork = true;
      setOwn(services, name, service);
    }
  }
  document.services = services;

  for (const section of RESOURCE_SECTIONS) {
    const node = child(root, section);
    if (!isMap(node)) continue;
    const resources: Record<string, unknown> = {};
    for (const [key, pair] of node.pairs) setOwn(resources, key, normalizeResource(section, key, pair.value, options.name, ctx.home));
    document[section] = resources;
  }
  if (usesDefaultNetwork) {
    const networks = isObject(document.networks) ? document.networks : {};
    if (!('default' in networks)) networks.default = { name: `${options.name}_default` };
    document.networks = networks;
  }

  for (const [key, pair] of root.pairs) if (!DROPPED.has(key)) setOwn(document, key, toPlain(pair.value));
  return { document, diagnostics };
}

function normalizeResource(section: (typeof RESOURCE_SECTIONS)[number], key: string, node: Node, project: string, home: string): Record<string, unknown> {
  const plain = toPlain(node);
  const resource: Record<string, unknown> = isObject(plain) ? plain : {};
  // `external: {name: x}` is the old way to say `name: x, external: true`.
  if (isObject(resource.external)) {
    if (resource.name === undefined && resource.external.name !== undefined) resource.name = resource.external.name;
    resource.external = true;
  }
  if (resource.name === undefined || resource.name === null || resource.name === '') resource.name = resource.external === true ? key : `${project}_${key}`;

  const labels = keyValues(child(node, 'labels'), () => '');
  if (labels) resource.labels = labels;
  if (isObject(resource.driver_opts)) {
    resource.driver_opts = Object.fromEntries(Object.entries(resource.driver_opts).map(([name, value]) => [name, value === null ? null : String(value)]));
  }

  if ((section === 'secrets' || section === 'configs') && isScalar(child(node, 'file'))) {
    const file = child(node, 'file')!;
    if (isScalar(file) && file.value !== null) resource.file = resolveHostPath(String(file.value), file.loc.file.baseDir, home);
  }
  // compose never prints a secret's content.
  if (section === 'secrets') delete resource.content;
  if (section === 'volumes' && isObject(resource.driver_opts)) {
    const device = child(child(node, 'driver_opts'), 'device');
    // A local volume with `o: bind` is a bind mount of `device`, a host path.
    if (resource.driver === 'local' && resource.driver_opts.o === 'bind' && isScalar(device) && device.value !== null) {
      resource.driver_opts.device = resolveHostPath(String(device.value), device.loc.file.baseDir, home);
    }
  }
  return resource;
}
