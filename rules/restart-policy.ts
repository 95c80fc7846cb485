import { child } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { isOneShot } from '../src/lint/model/service-facts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'restart-policy',
    description: 'A long-running service with no restart policy',
    severity: 'warning',
    tags: ['guide', 'reliability'],
    messages: {
      missing:
        "Service \"{{service}}\" has no restart policy, so it stays down after a crash or a Docker restart; add `restart: unless-stopped` (or `on-failure`, or `deploy.restart_policy`).",
    },
    docs: docsUrl('restart-policy'),
  },
  create(context) {
    return {
      service(service) {
        if (isSet(child(service.node, 'restart'))) return;
        if (child(child(service.node, 'deploy'), 'restart_policy') !== undefined) return;
        // One-shot jobs (migrations, seeders) are meant to exit and stay down.
        if (isOneShot(context.project, service)) return;
        context.report({ node: service.key, messageId: 'missing', data: { service: service.name } });
      },
    };
  },
});

function isSet(node: ReturnType<typeof child>): boolean {
  return node !== undefined && !(node.kind === 'scalar' && (node.value === null || node.value === ''));
}
