import { child, type Loc, type Node, type ScalarNode } from '../../load/nodes.ts';
import { serviceDependencies } from './depends-on.ts';
import { valueSpan } from './value-span.ts';

/** Where a service names another service of the project. */
export type ServiceReferenceKind = 'depends_on' | 'links' | 'volumes_from' | 'network_mode';

/**
 * One service named by another. compose adds `links`, `volumes_from: [svc]` and
 * `network_mode: service:svc` to the implicit dependencies of a service, so all
 * of them must name a service and all of them order startup.
 */
export interface ServiceReference {
  kind: ServiceReferenceKind;
  /** The service named. */
  name: string;
  /** The scalar that names it (a list item, a mapping key, or the `network_mode` value). */
  node: ScalarNode;
  /** The exact range of the name inside that scalar, when it can be computed. */
  loc: Loc;
  /** `depends_on` with `required: false`: compose tolerates a missing service. */
  required: boolean;
}

/** Every service a service refers to, in the order written: depends_on, links, volumes_from, network_mode. */
export function serviceReferences(service: Node): ServiceReference[] {
  const out: ServiceReference[] = [];
  for (const dependency of serviceDependencies(service)) {
    out.push({ kind: 'depends_on', name: dependency.name, node: dependency.nameNode, loc: dependency.nameNode.loc, required: dependency.required });
  }
  for (const item of scalarItems(child(service, 'links'))) {
    const text = String(item.value);
    const colon = text.indexOf(':');
    const name = colon < 0 ? text : text.slice(0, colon);
    if (name !== '') out.push({ kind: 'links', name, node: item, loc: valueSpan(item, 0, name.length), required: true });
  }
  for (const item of scalarItems(child(service, 'volumes_from'))) {
    const ref = volumesFromService(String(item.value));
    if (ref) out.push({ kind: 'volumes_from', name: ref.name, node: item, loc: valueSpan(item, ref.start, ref.start + ref.name.length), required: true });
  }
  const mode = child(service, 'network_mode');
  if (mode?.kind === 'scalar' && typeof mode.value === 'string' && mode.value.startsWith('service:')) {
    const name = mode.value.slice('service:'.length);
    if (name !== '') out.push({ kind: 'network_mode', name, node: mode, loc: valueSpan(mode, 8, 8 + name.length), required: true });
  }
  return out;
}

/** `svc`, `svc:ro`, `service:svc[:mode]` name a service; `container:name[:mode]` names an outside container. */
function volumesFromService(text: string): { name: string; start: number } | undefined {
  if (text.startsWith('container:')) return undefined;
  const start = text.startsWith('service:') ? 'service:'.length : 0;
  const rest = text.slice(start);
  const colon = rest.indexOf(':');
  const name = colon < 0 ? rest : rest.slice(0, colon);
  return name === '' ? undefined : { name, start };
}

function scalarItems(node: Node | undefined): ScalarNode[] {
  if (node?.kind !== 'seq') return [];
  return node.items.filter((item): item is ScalarNode => item.kind === 'scalar' && item.value !== null && String(item.value) !== '');
}
