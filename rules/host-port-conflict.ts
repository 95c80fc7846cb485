import { child, scalarString } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { bindsAllInterfaces, servicePorts, type PortMapping } from '../src/lint/model/ports.ts';
import { profilesOverlap, serviceProfiles } from '../src/lint/model/service-profiles.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** One host port taken by a port mapping. */
interface Binding {
  service: string;
  profiles: string[];
  mapping: PortMapping;
  /** Normalised host address; undefined for every interface. */
  ip?: string;
}

/** The most ports one mapping is expanded to (a range wider than this is checked by its first ports only). */
const MAX_RANGE = 65536;

export default defineRule({
  meta: {
    id: 'host-port-conflict',
    description: 'Two services (or two entries of one) that publish the same host address, port and protocol',
    severity: 'error',
    tags: ['correctness'],
    messages: {
      otherService:
        'Host port {{port}}/{{protocol}}{{address}} is already published by service "{{other}}", so the second container fails to start; publish a different host port.',
      sameService:
        'Host port {{port}}/{{protocol}}{{address}} is already published by another entry of this service, so the container fails to start; publish a different host port or remove one entry.',
    },
    docs: docsUrl('host-port-conflict'),
  },
  create(context) {
    // Bindings by protocol and port; lists stay short (one entry per address or profile set).
    const taken = new Map<string, Binding[]>();
    return {
      service(service) {
        // Ports of a container on the host's or another container's network are not published.
        const networkMode = scalarString(child(service.node, 'network_mode'));
        if (networkMode !== undefined && networkMode !== 'bridge' && networkMode !== 'default') return;
        const profiles = serviceProfiles(service.node);
        for (const mapping of servicePorts(service.node)) {
          const { published } = mapping;
          if (!published) continue;
          const binding: Binding = { service: service.name, profiles, mapping, ip: normaliseIp(mapping.hostIp) };
          let clash: { other: Binding; port: number } | undefined;
          const last = Math.min(published.end, published.start + MAX_RANGE - 1);
          for (let port = published.start; port <= last; port++) {
            const key = `${mapping.protocol}/${port}`;
            const list = taken.get(key);
            if (!list) {
              taken.set(key, [binding]);
              continue;
            }
            if (!clash) {
              const other = list.find((earlier) => conflicts(earlier, binding));
              if (other) clash = { other, port };
            }
            list.push(binding);
          }
          if (!clash) continue;
          const same = clash.other.service === service.name;
          const address = binding.ip ?? clash.other.ip;
          context.report({
            node: mapping.publishedLoc,
            messageId: same ? 'sameService' : 'otherService',
            data: {
              port: clash.port,
              protocol: mapping.protocol,
              address: address === undefined ? '' : ` on ${address}`,
              other: clash.other.service,
            },
          });
        }
      },
    };
  },
});

function normaliseIp(ip: string | undefined): string | undefined {
  if (bindsAllInterfaces(ip)) return undefined;
  return ip!.replace(/^\[|\]$/g, '').toLowerCase();
}

/** Same port and protocol: a clash when either binds every interface or both bind one address. */
function conflicts(a: Binding, b: Binding): boolean {
  if (a.ip !== undefined && b.ip !== undefined && a.ip !== b.ip) return false;
  return profilesOverlap(a.profiles, b.profiles);
}
