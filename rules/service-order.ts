import type { SourceFile } from '../src/load/source.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { firstOutOfOrder, type NameOrder } from '../src/lint/model/name-order.ts';
import type { ServiceModel } from '../src/lint/model/project-model.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface Options {
  order: NameOrder;
}

export default defineRule<Options>({
  meta: {
    id: 'service-order',
    description: 'Services out of the configured order (alphabetical by default)',
    severity: 'off',
    tags: ['style'],
    messages: {
      outOfOrder: "Service \"{{service}}\" should come before \"{{before}}\" in {{order}}; move it up.",
    },
    options: {
      type: 'object',
      properties: {
        order: {
          description:
            '`alphabetical`, or the service names in the wanted order (globs allowed; services the list does not name go after the listed ones).',
          oneOf: [
            { const: 'alphabetical' },
            { type: 'array', items: { type: 'string', minLength: 1 } },
          ],
        },
      },
      additionalProperties: false,
    },
    defaults: { order: 'alphabetical' },
    docs: docsUrl('service-order'),
    fixable: true,
  },
  create(context) {
    const order: NameOrder = Array.isArray(context.options.order) ? context.options.order : 'alphabetical';
    const described = order === 'alphabetical' ? 'alphabetical order' : 'the configured order';
    return {
      project(project) {
        // Order is a property of each file as written: an override file has its own.
        const byFile = new Map<SourceFile, ServiceModel[]>();
        for (const service of project.services) {
          if (service.key.synthetic) continue;
          const list = byFile.get(service.key.loc.file);
          if (list) list.push(service);
          else byFile.set(service.key.loc.file, [service]);
        }
        for (const services of byFile.values()) {
          services.sort((a, b) => a.key.loc.start - b.key.loc.start);
          const found = firstOutOfOrder(
            services.map((service) => service.name),
            order,
          );
          if (!found) continue;
          const service = services[found.index];
          context.report({
            node: service.key,
            service: service.name,
            messageId: 'outOfOrder',
            data: { service: service.name, before: services[found.before].name, order: described },
          });
        }
      },
    };
  },
});
