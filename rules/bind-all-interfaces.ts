import { child, scalarString } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { parseImageRef } from '../src/lint/model/image-ref.ts';
import { bindsAllInterfaces, servicePorts, type PortRange } from '../src/lint/model/ports.ts';
import { serviceImage } from '../src/lint/model/service-facts.ts';
import type { ServiceModel } from '../src/lint/model/project-model.ts';
import { defineRule } from '../src/lint/rule-types.ts';

/** Images of reverse proxies, load balancers and web servers that front a stack. */
const PROXY_IMAGES = new Set([
  'nginx', 'nginx-unprivileged', 'openresty', 'nginx-proxy', 'nginx-proxy-manager', 'swag', 'angie', 'tengine',
  'traefik', 'caddy', 'haproxy', 'envoy', 'httpd', 'apache', 'apache2', 'lighttpd', 'h2o', 'varnish', 'kong', 'pomerium',
  'proxy',
]);

/** Service names that say "I am the front door". */
const PROXY_SERVICE = /(?:^|[-_])proxy(?:$|[-_])|^(?:nginx|traefik|caddy|haproxy|envoy|httpd|apache|lb|load[-_]?balancer|ingress)$/i;

/** Host ports only a front door takes: a service publishing one is the stack's entry point. */
const WEB_ENTRY_PORTS = [80, 443];

/**
 * Ports of protocols that are served to other machines by nature (SSH, mail, DNS,
 * DHCP, NTP, VPNs, STUN/TURN, SIP): binding them to loopback would break them, so
 * they are not reported whichever service publishes them.
 */
const EDGE_PORTS = new Set([22, 25, 53, 67, 68, 110, 123, 143, 465, 500, 587, 993, 995, 1194, 3478, 4500, 5060, 5061, 5349, 51820]);

function covers(range: PortRange | undefined, port: number): boolean {
  return range !== undefined && range.start <= port && port <= range.end;
}

function isProxyImage(image: string | undefined): boolean {
  const ref = image === undefined ? undefined : parseImageRef(image);
  if (!ref) return false;
  const name = ref.name.toLowerCase().replace(/-(?:alpine|debian|ubuntu|slim)$/, '');
  return PROXY_IMAGES.has(name);
}

function rangeText(range: PortRange): string {
  return range.start === range.end ? String(range.start) : `${range.start}-${range.end}`;
}

interface Options {
  entrypoints: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'bind-all-interfaces',
    description: 'A port published on every host interface by a service that is not the entry point',
    severity: 'info',
    tags: ['security'],
    securitySeverity: '4.0',
    messages: {
      allInterfaces:
        'Port {{port}} of "{{service}}" is published on every host interface, but the service is not the entry point; bind it to loopback (`127.0.0.1:{{port}}:{{target}}`) or reach it through the proxy.',
      ephemeral:
        'Container port {{target}} of "{{service}}" is published on a random port of every host interface, but the service is not the entry point; bind it to loopback (`127.0.0.1::{{target}}`) or reach it through the proxy.',
    },
    options: {
      type: 'object',
      properties: {
        entrypoints: {
          type: 'array',
          items: { type: 'string' },
          description: 'Services meant to be reached from outside, in addition to the reverse proxies found by image.',
        },
      },
      additionalProperties: false,
    },
    defaults: { entrypoints: [] },
    docs: docsUrl('bind-all-interfaces'),
  },
  create(context) {
    const entrypoints = new Set(context.options.entrypoints ?? []);
    const isEntryPoint = (service: ServiceModel) =>
      entrypoints.has(service.name) || PROXY_SERVICE.test(service.name) || isProxyImage(serviceImage(service.node));
    return {
      service(service) {
        // With the host's, no or another container's network stack, `ports` do not apply.
        const networkMode = scalarString(child(service.node, 'network_mode'));
        if (networkMode !== undefined && /^(?:host|none|service:|container:)/.test(networkMode)) return;
        if (isEntryPoint(service)) return;
        const ports = servicePorts(service.node);
        if (ports.some((port) => WEB_ENTRY_PORTS.some((web) => covers(port.published, web)))) return;
        for (const port of ports) {
          if (!bindsAllInterfaces(port.hostIp)) continue;
          if (port.published && port.published.start === port.published.end && EDGE_PORTS.has(port.published.start)) continue;
          const target = rangeText(port.target);
          if (port.published) {
            const data = { port: rangeText(port.published), target, service: service.name };
            context.report({ node: port.publishedLoc, messageId: 'allInterfaces', data });
          } else {
            context.report({ node: port.node, messageId: 'ephemeral', data: { target, service: service.name } });
          }
        }
      },
    };
  },
});
