import { child, scalarValue } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { serviceDependencies } from '../src/lint/model/depends-on.ts';
import { imageDeclaresHealthcheck } from '../src/lint/model/image-healthchecks.ts';
import { isOneShot, serviceImage } from '../src/lint/model/service-facts.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'depends-on-healthy',
    description: 'depends_on on a long-running service that is not gated by `service_healthy`',
    severity: 'warning',
    tags: ['guide', 'reliability'],
    messages: {
      shortForm:
        "depends_on \"{{dependency}}\" only orders startup, so this service can start before \"{{dependency}}\" accepts connections; {{advice}}.",
      started:
        "`condition: service_started` does not wait until \"{{dependency}}\" is ready to serve; {{advice}}.",
    },
    docs: docsUrl('depends-on-healthy'),
  },
  create(context) {
    return {
      service(service) {
        for (const dependency of serviceDependencies(service.node)) {
          if (dependency.condition !== 'service_started') continue;
          const target = context.project.serviceByName.get(dependency.name);
          // Unknown services are undefined-reference's finding; one-shot jobs are gated by completion, not health.
          if (!target || isOneShot(context.project, target)) continue;
          const healthcheck = child(target.node, 'healthcheck');
          const hasHealthcheck =
            (healthcheck !== undefined && scalarValue(healthcheck) !== null && scalarValue(child(healthcheck, 'disable')) !== true) ||
            (healthcheck === undefined && imageDeclaresHealthcheck(serviceImage(target.node)));
          const advice = hasHealthcheck
            ? 'use `condition: service_healthy`'
            : `give '${dependency.name}' a healthcheck and use \`condition: service_healthy\``;
          const data = { dependency: dependency.name, advice };
          if (dependency.conditionNode) context.report({ node: dependency.conditionNode, messageId: 'started', data });
          else context.report({ node: dependency.nameNode, messageId: 'shortForm', data });
        }
      },
    };
  },
});
