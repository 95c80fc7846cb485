import { child } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { servicePorts } from '../src/lint/model/ports.ts';
import { replicaCount } from '../src/lint/model/service-facts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'scaled-service-conflict',
    description: 'A service with replicas/scale above 1 that publishes a fixed host port or sets container_name',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      port:
        'This service runs {{replicas}} replicas but publishes host port {{published}}, which only one container can bind; publish a range at least {{replicas}} ports wide, leave the host port out so Docker picks one per container, or run a single replica.',
      containerName:
        'This service runs {{replicas}} replicas but sets container_name, which must be unique, so compose refuses to scale it; remove container_name or run a single replica.',
    },
    docs: docsUrl('scaled-service-conflict'),
  },
  create(context) {
    return {
      service(service) {
        const replicas = replicaCount(service.node);
        if (!(replicas > 1)) return;
        const containerName = child(service.node, 'container_name');
        if (containerName?.kind === 'scalar' && containerName.value !== null && String(containerName.value) !== '') {
          context.report({ node: containerName, messageId: 'containerName', data: { replicas } });
        }
        for (const mapping of servicePorts(service.node)) {
          const { published } = mapping;
          if (!published || published.end - published.start + 1 >= replicas) continue;
          const text = published.start === published.end ? `${published.start}` : `${published.start}-${published.end}`;
          context.report({ node: mapping.publishedLoc, messageId: 'port', data: { replicas, published: text } });
        }
      },
    };
  },
});
