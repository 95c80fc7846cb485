import { childAt } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'no-logging-none',
    description: '`logging.driver: none`, which leaves no record of what the service did',
    severity: 'info',
    tags: ['security'],
    securitySeverity: '3.0',
    messages: {
      none: 'Service "{{service}}" discards its logs (`driver: none`), leaving no trail for debugging or incident response; use a logging driver with rotation, such as `local` or `json-file` with max-size.',
    },
    docs: docsUrl('no-logging-none'),
  },
  create(context) {
    return {
      service(service) {
        const driver = childAt(service.node, 'logging', 'driver');
        if (driver?.kind === 'scalar' && typeof driver.value === 'string' && driver.value.trim().toLowerCase() === 'none') {
          context.report({ node: driver, messageId: 'none', data: { service: service.name } });
        }
      },
    };
  },
});
