import { docsUrl } from '../src/lint/docs-url.ts';
import { DATASTORES_OPTION, serviceDatastore } from '../src/lint/model/datastores.ts';
import { isOneShot } from '../src/lint/model/service-facts.ts';
import { bindsAllInterfaces, servicePorts, type PortRange } from '../src/lint/model/ports.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface Options {
  datastores: string[];
  'allow-loopback': boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'published-datastore-port',
    description: 'A datastore port published on the host',
    severity: 'warning',
    tags: ['guide', 'security'],
    securitySeverity: '6.5',
    messages: {
      published:
        'This publishes {{kind}} port {{target}} on {{where}}, so anyone who can reach the host can try to connect (Docker\'s port rules bypass host firewalls such as ufw); remove the mapping and connect over the compose network, or bind it to 127.0.0.1 for local tools.',
      loopback:
        'This publishes {{kind}} port {{target}} on the host\'s loopback address, where every local user and process can connect; remove the mapping unless a host tool needs it.',
    },
    options: {
      type: 'object',
      properties: {
        datastores: DATASTORES_OPTION,
        'allow-loopback': {
          type: 'boolean',
          description: 'Accept ports bound to 127.0.0.1 or ::1 (reachable only from the host itself).',
        },
      },
      additionalProperties: false,
    },
    defaults: { datastores: [], 'allow-loopback': true },
    docs: docsUrl('published-datastore-port'),
  },
  create(context) {
    const extra = Array.isArray(context.options.datastores) ? context.options.datastores : [];
    const allowLoopback = context.options['allow-loopback'] !== false;
    return {
      service(service) {
        const datastore = serviceDatastore(service.node, extra);
        // A one-shot job on a datastore image (an init or backup step) is a client, not a server.
        if (!datastore || isOneShot(context.project, service)) return;
        for (const port of servicePorts(service.node)) {
          const target = formatRange(port.target);
          if (isLoopback(port.hostIp)) {
            if (!allowLoopback) context.report({ node: port.publishedLoc, messageId: 'loopback', data: { kind: datastore.kind, target } });
            continue;
          }
          const where = bindsAllInterfaces(port.hostIp) ? 'every host interface' : `host address ${port.hostIp}`;
          context.report({ node: port.publishedLoc, messageId: 'published', data: { kind: datastore.kind, target, where } });
        }
      },
    };
  },
});

function isLoopback(hostIp: string | undefined): boolean {
  if (hostIp === undefined) return false;
  const ip = hostIp.trim().toLowerCase();
  return ip.startsWith('127.') || ip === '::1' || ip === '0:0:0:0:0:0:0:1' || ip === '::ffff:127.0.0.1' || ip === 'localhost';
}

function formatRange(range: PortRange): string {
  return range.start === range.end ? String(range.start) : `${range.start}-${range.end}`;
}
