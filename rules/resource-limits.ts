import { child, childAt, keyNode, type Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'resource-limits',
    description: 'A service with no memory or cpu limit (deploy.resources.limits, or mem_limit/cpus)',
    severity: 'warning',
    tags: ['guide', 'reliability'],
    messages: {
      missingBoth:
        "Service \"{{service}}\" has no memory or CPU limit, so one runaway container can starve the host and every other service; set `deploy.resources.limits.memory` and `deploy.resources.limits.cpus`.",
      missingMemory:
        "Service \"{{service}}\" has no memory limit, so a leak or an oversized batch can exhaust host memory and trigger the kernel's OOM killer anywhere; set `deploy.resources.limits.memory` (or `mem_limit`).",
      missingCpu:
        "Service \"{{service}}\" has no CPU limit, so it can take every core and slow the other services; set `deploy.resources.limits.cpus` (or `cpus`).",
      limitsMissingBoth:
        'These limits set neither memory nor CPU, so the container can still starve the host; add `memory` and `cpus`.',
      limitsMissingMemory:
        'These limits set no memory limit, so a leak can exhaust host memory; add `memory` (for example `memory: 1G`).',
      limitsMissingCpu: 'These limits set no CPU limit, so the container can take every core; add `cpus` (for example `cpus: "1.0"`).',
    },
    docs: docsUrl('resource-limits'),
  },
  create(context) {
    return {
      service(service) {
        const limits = childAt(service.node, 'deploy', 'resources', 'limits');
        const memory = isLimit(child(limits, 'memory')) || isLimit(child(service.node, 'mem_limit'));
        const cpu =
          isLimit(child(limits, 'cpus')) || isLimit(child(service.node, 'cpus')) || isLimit(child(service.node, 'cpu_quota'));
        if (memory && cpu) return;
        const limitsKey = keyNode(childAt(service.node, 'deploy', 'resources'), 'limits');
        if (limitsKey) {
          // The limits mapping may be shared through an anchor, so its messages name no service.
          const messageId = !memory && !cpu ? 'limitsMissingBoth' : !memory ? 'limitsMissingMemory' : 'limitsMissingCpu';
          context.report({ node: limitsKey, messageId });
        } else {
          const messageId = !memory && !cpu ? 'missingBoth' : !memory ? 'missingMemory' : 'missingCpu';
          context.report({ node: service.key, messageId, data: { service: service.name } });
        }
      },
    };
  },
});

/** A written limit; 0 (and an empty value) means "no limit" to Docker. */
function isLimit(node: Node | undefined): boolean {
  if (node?.kind !== 'scalar') return false;
  const { value } = node;
  if (value === null || value === '' || value === false) return false;
  if (typeof value === 'number') return value > 0;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return !text.startsWith('-') && !/^0+(\.0*)?[a-z]*$/i.test(text);
}
