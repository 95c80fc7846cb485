import { child, type Loc, type Node, type ScalarNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { closestName } from '../src/lint/model/closest-name.ts';
import { isHostPath, serviceMounts } from '../src/lint/model/mounts.ts';
import { serviceReferences, type ServiceReferenceKind } from '../src/lint/model/service-references.ts';
import { defineRule } from '../src/lint/rule-types.ts';

const REFERENCE_MESSAGE: Record<ServiceReferenceKind, string> = {
  depends_on: 'dependsOn',
  links: 'link',
  volumes_from: 'volumesFrom',
  network_mode: 'networkMode',
};

export default defineRule({
  meta: {
    id: 'undefined-reference',
    description:
      'depends_on, links, volumes_from, `network_mode: service:`, networks, named volumes, secrets, configs or extends that name nothing defined',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      dependsOn:
        'depends_on names "{{name}}", which is not a service of this project{{hint}}; define it, fix the name, or mark the dependency `required: false`.',
      link: 'links names "{{name}}", which is not a service of this project{{hint}}; define it or fix the name.',
      volumesFrom:
        'volumes_from names service "{{name}}", which is not defined{{hint}}; define it, fix the name, or write container:NAME for a container outside the project.',
      networkMode: 'network_mode names service "{{name}}", which is not defined{{hint}}; define it or fix the name.',
      network:
        'Network "{{name}}" is not declared under the top-level networks{{hint}}; declare it there (with `external: true` if it is created outside compose) or fix the name.',
      volume:
        'Named volume "{{name}}" is not declared under the top-level volumes{{hint}}; declare it there, or write a path such as ./{{name}} if you meant a bind mount.',
      secret: 'Secret "{{name}}" is not declared under the top-level secrets{{hint}}; declare it there or fix the name.',
      config: 'Config "{{name}}" is not declared under the top-level configs{{hint}}; declare it there or fix the name.',
      problem: '{{message}}',
    },
    docs: docsUrl('undefined-reference'),
  },
  create(context) {
    const project = context.project;
    const services = project.serviceByName;
    const networks = new Set(project.networks.map((network) => network.name));
    const volumes = new Set(project.volumes.map((volume) => volume.name));
    const secrets = new Set(project.secrets.map((secret) => secret.name));
    const configs = new Set(project.configs.map((config) => config.name));

    const report = (at: Node | Loc, messageId: string, name: string, known: Iterable<string>) => {
      const suggestion = closestName(name, known);
      context.report({ node: at, messageId, data: { name, hint: suggestion ? ` (did you mean "${suggestion}"?)` : '' } });
    };

    /** Service-level `secrets`/`configs` (and build secrets): `name` or `{source: name, ...}`. */
    const checkGrants = (list: Node | undefined, declared: Set<string>, messageId: string) => {
      if (list?.kind !== 'seq') return;
      for (const item of list.items) {
        const nameNode: Node | undefined = item.kind === 'map' ? child(item, 'source') : item;
        if (nameNode?.kind !== 'scalar' || nameNode.value === null) continue;
        const name = String(nameNode.value);
        if (name !== '' && !declared.has(name)) report(nameNode, messageId, name, declared);
      }
    };

    return {
      project() {
        // extends and include problems are found while loading.
        for (const diagnostic of context.loadDiagnostics) {
          context.report({ node: diagnostic.loc, messageId: 'problem', data: { message: diagnostic.message }, service: diagnostic.service ?? null });
        }
      },
      service(service) {
        const node = service.node;
        for (const reference of serviceReferences(node)) {
          if (!reference.required || services.has(reference.name)) continue;
          report(reference.loc, REFERENCE_MESSAGE[reference.kind], reference.name, services.keys());
        }

        const serviceNetworks = child(node, 'networks');
        const networkNames: ScalarNode[] =
          serviceNetworks?.kind === 'seq'
            ? serviceNetworks.items.filter((item): item is ScalarNode => item.kind === 'scalar' && item.value !== null)
            : serviceNetworks?.kind === 'map'
              ? [...serviceNetworks.pairs.values()].map((pair) => pair.key)
              : [];
        for (const nameNode of networkNames) {
          const name = String(nameNode.value);
          // compose creates the `default` network itself unless the file redefines it.
          if (name !== 'default' && !networks.has(name)) report(nameNode, 'network', name, networks);
        }

        for (const mount of serviceMounts(node)) {
          if (mount.type !== 'volume' || !mount.source || isHostPath(mount.source)) continue;
          if (!volumes.has(mount.source)) report(mount.sourceLoc, 'volume', mount.source, volumes);
        }

        checkGrants(child(node, 'secrets'), secrets, 'secret');
        checkGrants(child(node, 'configs'), configs, 'config');
        checkGrants(child(child(node, 'build'), 'secrets'), secrets, 'secret');
      },
    };
  },
});
