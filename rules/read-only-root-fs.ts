import { child, keyNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'read-only-root-fs',
    description: 'A service whose root filesystem is writable because `read_only: true` is not set',
    severity: 'info',
    tags: ['security'],
    securitySeverity: '3.5',
    messages: {
      missing:
        'Service "{{service}}" has a writable root filesystem, where an intruder can change programs and drop tools; set `read_only: true` and give writable paths a tmpfs or volume.',
      disabled:
        'Service "{{service}}" turns the read-only root filesystem off; set `read_only: true` and give writable paths a tmpfs or volume.',
    },
    docs: docsUrl('read-only-root-fs'),
  },
  create(context) {
    return {
      service(service) {
        const value = child(service.node, 'read_only');
        if (value?.kind === 'scalar' && value.value === true) return;
        if (!value) context.report({ node: service.key, messageId: 'missing', data: { service: service.name } });
        // `false`, or an empty `read_only:` (at its key); a list or mapping is the schema rule's finding.
        else if (value.kind === 'scalar') {
          const at = value.value === null ? (keyNode(service.node, 'read_only') ?? value) : value;
          context.report({ node: at, messageId: 'disabled', data: { service: service.name } });
        }
      },
    };
  },
});
