import { child, type ScalarNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { profilesOverlap, serviceProfiles } from '../src/lint/model/service-profiles.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'container-name-conflict',
    description: 'Two services that set the same container_name',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      duplicate:
        'container_name "{{name}}" is already used by service "{{other}}", and Docker allows one container per name, so the second fails to start; give each service its own name or remove container_name.',
    },
    docs: docsUrl('container-name-conflict'),
  },
  create(context) {
    // Earlier services by container name; more than one only for services in disjoint profiles.
    const byName = new Map<string, { service: string; profiles: string[] }[]>();
    return {
      service(service) {
        const node = child(service.node, 'container_name');
        if (node?.kind !== 'scalar' || node.value === null) return;
        const name = String(node.value);
        if (name === '') return;
        const profiles = serviceProfiles(service.node);
        const earlier = byName.get(name);
        if (!earlier) {
          byName.set(name, [{ service: service.name, profiles }]);
          return;
        }
        const other = earlier.find((entry) => profilesOverlap(entry.profiles, profiles));
        if (other) report(node, name, other.service);
        else earlier.push({ service: service.name, profiles });
      },
    };

    function report(node: ScalarNode, name: string, other: string): void {
      context.report({ node, messageId: 'duplicate', data: { name, other } });
    }
  },
});
