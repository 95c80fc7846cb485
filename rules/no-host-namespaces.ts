import { child } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** Service keys that can join a host namespace, and the messageId for each. */
const NAMESPACE_KEYS: [key: string, messageId: string][] = [
  ['network_mode', 'network'],
  ['pid', 'pid'],
  ['ipc', 'ipc'],
  ['uts', 'uts'],
  ['userns_mode', 'userns'],
  ['cgroup', 'cgroup'],
];

export default defineRule({
  meta: {
    id: 'no-host-namespaces',
    description: 'A service that shares a host namespace: network_mode, pid, ipc, uts, userns_mode or cgroup `host`',
    severity: 'error',
    tags: ['security'],
    securitySeverity: '7.5',
    messages: {
      network:
        '`network_mode: host` puts the container on the host network stack, where it can bind any host port and reach services listening on localhost; use a bridge network and publish only the ports it needs.',
      pid: '`pid: host` lets the container see, and with enough rights signal or trace, every process on the host; remove it.',
      ipc: '`ipc: host` shares the host IPC namespace, so the container can read and write host shared memory; remove it, or share IPC with one service (`ipc: service:NAME`).',
      uts: '`uts: host` shares the host UTS namespace, so the container can change the host name; remove it.',
      userns:
        '`userns_mode: host` turns off user-namespace remapping for this container, so its root is root on the host; remove it.',
      cgroup: '`cgroup: host` runs the container in the host cgroup namespace, exposing the host cgroup tree; use `cgroup: private`.',
    },
    docs: docsUrl('no-host-namespaces'),
  },
  create(context) {
    return {
      service(service) {
        for (const [key, messageId] of NAMESPACE_KEYS) {
          const value = child(service.node, key);
          if (value?.kind === 'scalar' && typeof value.value === 'string' && value.value.trim() === 'host') {
            context.report({ node: value, messageId });
          }
        }
      },
    };
  },
});
