import { keyNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { serviceSecurityOpts } from '../src/lint/model/security-opt.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'no-new-privileges',
    description: 'security_opt lacks `no-new-privileges:true`',
    severity: 'info',
    tags: ['security'],
    securitySeverity: '4.0',
    messages: {
      missing:
        'Service "{{service}}" does not set `no-new-privileges:true`, so setuid binaries in the image can raise a process\'s privileges; add it to security_opt.',
      disabled:
        '`{{option}}` explicitly lets setuid binaries raise a process\'s privileges; set `no-new-privileges:true` instead.',
    },
    docs: docsUrl('no-new-privileges'),
  },
  create(context) {
    return {
      service(service) {
        let enabled = false;
        for (const opt of serviceSecurityOpts(service.node)) {
          if (opt.name !== 'no-new-privileges') continue;
          const value = opt.value?.toLowerCase();
          if (value === undefined || value === 'true' || value === '') enabled = true;
          else if (value === 'false') {
            context.report({ node: opt.node, messageId: 'disabled', data: { option: String(opt.node.value).trim() } });
            return;
          }
        }
        if (enabled) return;
        const at = keyNode(service.node, 'security_opt') ?? service.key;
        context.report({ node: at, messageId: 'missing', data: { service: service.name } });
      },
    };
  },
});
