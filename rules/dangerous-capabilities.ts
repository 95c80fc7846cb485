import { child } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** Capabilities Docker does not grant by default that let a process reach past the container. */
const DANGEROUS = new Map<string, string>([
  ['ALL', 'grants every capability, nearly as much as privileged mode'],
  ['SYS_ADMIN', 'allows mounting filesystems and many other administrative operations that lead out of the container'],
  ['NET_ADMIN', 'lets the container reconfigure network interfaces, routes and firewall rules'],
  ['SYS_PTRACE', 'lets the container trace processes and read their memory'],
  ['SYS_MODULE', 'lets the container load kernel modules into the host kernel'],
  ['SYS_RAWIO', 'gives raw access to I/O ports and device memory'],
  ['DAC_READ_SEARCH', 'bypasses file read permission checks and allows opening host files by handle, a known escape'],
  ['SYS_BOOT', 'lets the container reboot the host'],
  ['SYS_TIME', 'lets the container change the host clock'],
  ['BPF', 'lets the container load BPF programs into the host kernel'],
  ['PERFMON', 'lets the container monitor the whole host through the kernel performance events'],
  ['MAC_ADMIN', 'lets the container change the host mandatory access control (AppArmor, SELinux) policy'],
  ['MAC_OVERRIDE', 'bypasses the host mandatory access control (AppArmor, SELinux) policy'],
  ['SYSLOG', 'lets the container read and clear the kernel log, which leaks kernel addresses'],
  ['AUDIT_CONTROL', 'lets the container change or turn off the host audit rules'],
]);

interface Options {
  allow: string[];
}

/** `cap_sys_admin` and `SYS_ADMIN` name the same capability. */
function capabilityName(text: string): string {
  const upper = text.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

export default defineRule<Options>({
  meta: {
    id: 'dangerous-capabilities',
    description: 'cap_add of ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE and other capabilities that weaken isolation',
    severity: 'warning',
    tags: ['security'],
    securitySeverity: '6.5',
    messages: {
      capability: 'Capability {{capability}} {{why}}; drop it from cap_add unless the service cannot work without it.',
    },
    options: {
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string' },
          description: 'Capabilities to accept (with or without the CAP_ prefix), e.g. ["NET_ADMIN"] for a VPN gateway.',
        },
      },
      additionalProperties: false,
    },
    defaults: { allow: [] },
    docs: docsUrl('dangerous-capabilities'),
  },
  create(context) {
    const allowed = new Set((context.options.allow ?? []).map(capabilityName));
    return {
      service(service) {
        const list = child(service.node, 'cap_add');
        if (list?.kind !== 'seq') return;
        for (const item of list.items) {
          if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
          const capability = capabilityName(item.value);
          const why = DANGEROUS.get(capability);
          if (why && !allowed.has(capability)) context.report({ node: item, messageId: 'capability', data: { capability, why } });
        }
      },
    };
  },
});
