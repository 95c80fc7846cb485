import { child, scalarString, scalarValue, type Node, type ScalarNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { DATASTORES_OPTION, serviceDatastore } from '../src/lint/model/datastores.ts';
import { isOneShot } from '../src/lint/model/service-facts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface Options {
  datastores: string[];
}

type NetworkState = 'internal' | 'external' | 'open';

export default defineRule<Options>({
  meta: {
    id: 'internal-backend-network',
    description: 'A datastore (postgres, mysql, redis, mongo, ...) reachable on a network that is not `internal: true`',
    severity: 'warning',
    tags: ['guide', 'security'],
    securitySeverity: '5.0',
    messages: {
      defaultNetwork:
        "Datastore service \"{{service}}\" ({{kind}}) is on the project's default network, which is not internal; put it on a network with `internal: true` that only the services using it join.",
      openNetwork:
        "This {{kind}} datastore joins network \"{{network}}\", which is not `internal: true`; attach it only to an internal backend network shared with the services that use it.",
    },
    options: {
      type: 'object',
      properties: {
        datastores: DATASTORES_OPTION,
      },
      additionalProperties: false,
    },
    defaults: { datastores: [] },
    docs: docsUrl('internal-backend-network'),
  },
  create(context) {
    const extra = Array.isArray(context.options.datastores) ? context.options.datastores : [];
    const networks = new Map<string, NetworkState>();
    return {
      project(project) {
        for (const network of project.networks) networks.set(network.name, networkState(network.node));
      },
      service(service) {
        const datastore = serviceDatastore(service.node, extra);
        // A one-shot job on a datastore image (an init or backup step) is a client, not a server.
        if (!datastore || isOneShot(context.project, service)) return;
        // network_mode (none, host, service:x, container:x) replaces compose networks: nothing to judge here.
        if (child(service.node, 'network_mode') !== undefined) return;
        const entries = networkEntries(child(service.node, 'networks'));
        if (entries.length === 0) {
          if ((networks.get('default') ?? 'open') === 'open') {
            context.report({ node: service.key, messageId: 'defaultNetwork', data: { service: service.name, kind: datastore.kind } });
          }
          return;
        }
        for (const [name, node] of entries) {
          // An undefined network is undefined-reference's finding; an external one is configured elsewhere.
          const state = networks.get(name) ?? (name === 'default' ? 'open' : undefined);
          if (state !== 'open') continue;
          context.report({ node, messageId: 'openNetwork', data: { network: name, kind: datastore.kind } });
        }
      },
    };
  },
});

/** What a top-level network definition says about isolation. */
function networkState(definition: Node): NetworkState {
  const external = child(definition, 'external');
  if (external !== undefined && scalarValue(external) !== false && scalarValue(external) !== null) return 'external';
  return scalarValue(child(definition, 'internal')) === true ? 'internal' : 'open';
}

/** The service's networks with the node that names each (list item, or mapping key). */
function networkEntries(networks: Node | undefined): [string, ScalarNode][] {
  if (networks?.kind === 'seq') {
    return networks.items
      .filter((item): item is ScalarNode => item.kind === 'scalar' && scalarString(item) !== undefined)
      .map((item) => [String(item.value), item]);
  }
  if (networks?.kind === 'map') return [...networks.pairs].map(([name, pair]) => [name, pair.key]);
  return [];
}
