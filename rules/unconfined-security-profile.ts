import { docsUrl } from '../src/lint/docs-url.ts';
import { serviceSecurityOpts } from '../src/lint/model/security-opt.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'unconfined-security-profile',
    description: 'security_opt that turns off seccomp, AppArmor, SELinux labelling or the masking of kernel paths',
    severity: 'error',
    tags: ['security'],
    securitySeverity: '7.5',
    messages: {
      seccomp:
        '`{{option}}` turns off the seccomp filter, so every system call reaches the host kernel; remove it, or write a custom profile that allows only the calls the service needs.',
      apparmor:
        '`{{option}}` runs the container without an AppArmor profile; remove it, or load a custom profile that allows what the service needs.',
      label:
        '`{{option}}` turns off SELinux separation for the container; remove it, or relabel the mounts it needs with `:z`/`:Z`.',
      systempaths:
        '`{{option}}` unmasks kernel paths such as /proc/kcore and /sys/firmware inside the container; remove it.',
    },
    docs: docsUrl('unconfined-security-profile'),
  },
  create(context) {
    return {
      service(service) {
        for (const opt of serviceSecurityOpts(service.node)) {
          const value = opt.value?.toLowerCase().replace(/\s+/g, '');
          let messageId: string | undefined;
          if ((opt.name === 'seccomp' || opt.name === 'apparmor' || opt.name === 'systempaths') && value === 'unconfined') {
            messageId = opt.name;
          } else if (opt.name === 'label' && (value === 'disable' || value === 'type:spc_t')) {
            messageId = 'label';
          }
          if (messageId) context.report({ node: opt.node, messageId, data: { option: String(opt.node.value).trim() } });
        }
      },
    };
  },
});
