import { child } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'no-privileged',
    description: 'A service that runs with `privileged: true`',
    severity: 'error',
    tags: ['security'],
    securitySeverity: '9.0',
    messages: {
      privileged:
        'Service "{{service}}" runs privileged, with every capability and access to all host devices, so escaping to the host is trivial; remove `privileged: true` and grant only the capabilities (cap_add) or devices it needs.',
    },
    docs: docsUrl('no-privileged'),
  },
  create(context) {
    return {
      service(service) {
        const value = child(service.node, 'privileged');
        if (value?.kind === 'scalar' && value.value === true) {
          context.report({ node: value, messageId: 'privileged', data: { service: service.name } });
        }
      },
    };
  },
});
