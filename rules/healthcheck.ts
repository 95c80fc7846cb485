import { child, scalarValue, type Node } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { imageDeclaresHealthcheck, IMAGES_WITH_HEALTHCHECK } from '../src/lint/model/image-healthchecks.ts';
import { isOneShot, serviceImage } from '../src/lint/model/service-facts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface Options {
  'images-with-healthcheck': string[];
}

export default defineRule<Options>({
  meta: {
    id: 'healthcheck',
    description: 'A long-running service with no healthcheck',
    severity: 'warning',
    tags: ['guide', 'reliability'],
    messages: {
      missing:
        "Service \"{{service}}\" has no healthcheck, so Docker reports it running even when it cannot serve and dependants cannot wait for it; add a `healthcheck:` that probes it.",
      disabled:
        'This turns off the image\'s healthcheck, so Docker cannot tell when the service is unhealthy and dependants cannot wait for it; remove it and keep (or write) a healthcheck.',
    },
    options: {
      type: 'object',
      properties: {
        'images-with-healthcheck': {
          type: 'array',
          items: { type: 'string' },
          description:
            'Images whose Dockerfile declares a HEALTHCHECK (by name or repository path); services running them need none in the compose file. Replaces the built-in list.',
        },
      },
      additionalProperties: false,
    },
    defaults: { 'images-with-healthcheck': [...IMAGES_WITH_HEALTHCHECK] },
    docs: docsUrl('healthcheck'),
  },
  create(context) {
    const known = Array.isArray(context.options['images-with-healthcheck']) ? context.options['images-with-healthcheck'] : [];
    return {
      service(service) {
        const healthcheck = child(service.node, 'healthcheck');
        if (healthcheck !== undefined && !(healthcheck.kind === 'scalar' && healthcheck.value === null)) {
          const off = disablingNode(healthcheck);
          if (off && !isOneShot(context.project, service)) context.report({ node: off, messageId: 'disabled' });
          return;
        }
        if (isOneShot(context.project, service)) return;
        if (imageDeclaresHealthcheck(serviceImage(service.node), known)) return;
        context.report({ node: service.key, messageId: 'missing', data: { service: service.name } });
      },
    };
  },
});

/** The node that turns the healthcheck off: `disable: true`, or a test of `["NONE"]`. */
function disablingNode(healthcheck: Node): Node | undefined {
  const disable = child(healthcheck, 'disable');
  if (scalarValue(disable) === true) return disable;
  const test = child(healthcheck, 'test');
  if (test?.kind === 'seq' && scalarValue(test.items[0]) === 'NONE') return test.items[0];
  return undefined;
}
