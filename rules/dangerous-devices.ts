import { child, scalarString, type Loc, type Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { dangerousDevice } from '../src/lint/model/host-devices.ts';
import { valueSpan } from '../src/lint/model/value-span.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** Minors of character major 1 that are memory or I/O port devices (`c 1:1` /dev/mem, `c 1:2` kmem, `c 1:4` port), or all of them. */
const MEMORY_MINORS = new Set(['1', '2', '4', '*']);

/**
 * What a `device_cgroup_rules` entry (`TYPE MAJOR:MINOR ACCESS`) opens up, when it
 * reaches past ordinary devices: every device, every block device (the host
 * disks), every character device of some kind, or memory devices.
 */
function broadCgroupRule(rule: string): string | undefined {
  const match = /^\s*([abc])\s+(\*|\d+):(\*|\d+)(?:\s+([rwm]+))?\s*$/.exec(rule);
  if (!match) return undefined;
  const [, type, major, minor] = match;
  if (type === 'a') return 'every host device';
  if (type === 'b') return major === '*' ? 'every host block device, including its disks' : 'host block devices (disks)';
  if (major === '*') return 'every host character device, including /dev/mem';
  if (major === '1' && MEMORY_MINORS.has(minor)) return 'host memory devices such as /dev/mem';
  return undefined;
}

/** The host side of a `devices` entry: `HOST[:CONTAINER[:PERMS]]`, or `source:` in the long form. */
function deviceHost(item: Node): { path: string; loc: Node | Loc } | undefined {
  if (item.kind === 'map') {
    const source = child(item, 'source');
    const path = scalarString(source);
    return path === undefined ? undefined : { path, loc: source! };
  }
  if (item.kind !== 'scalar' || typeof item.value !== 'string') return undefined;
  const text = item.value;
  const colon = text.indexOf(':');
  const path = colon < 0 ? text : text.slice(0, colon);
  return { path, loc: valueSpan(item, 0, path.length) };
}

export default defineRule({
  meta: {
    id: 'dangerous-devices',
    description: 'Host devices such as /dev/mem, /dev/kmem and raw disks, or `device_cgroup_rules` granting all devices',
    severity: 'error',
    tags: ['security'],
    securitySeverity: '8.5',
    messages: {
      device:
        'Device "{{device}}" gives the container {{what}}, enough to read or change the host outside it; pass only the specific devices the service needs.',
      cgroupRule:
        'device_cgroup_rules entry "{{rule}}" allows {{what}}; allow only the device numbers the service needs.',
    },
    docs: docsUrl('dangerous-devices'),
  },
  create(context) {
    return {
      service(service) {
        const devices = child(service.node, 'devices');
        if (devices?.kind === 'seq') {
          for (const item of devices.items) {
            const host = deviceHost(item);
            const what = host && dangerousDevice(host.path);
            if (host && what) context.report({ node: host.loc, messageId: 'device', data: { device: host.path.trim(), what } });
          }
        }
        const rules = child(service.node, 'device_cgroup_rules');
        if (rules?.kind === 'seq') {
          for (const item of rules.items) {
            if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
            const what = broadCgroupRule(item.value);
            if (what) context.report({ node: item, messageId: 'cgroupRule', data: { rule: item.value.trim(), what } });
          }
        }
      },
    };
  },
});
