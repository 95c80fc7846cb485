import type { Node, Pair, ScalarNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { matchesGlob } from '../src/lint/path-glob.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface RequiredKey {
  path: string;
  services?: string[];
}

interface Options {
  keys?: RequiredKey[];
}

export default defineRule<Options>({
  meta: {
    id: 'required-keys',
    description: 'Services that lack a setting the policy requires (e.g. `logging`, `deploy.resources.limits.memory`)',
    severity: 'off',
    tags: ['policy'],
    messages: {
      missing: "Service \"{{service}}\" does not set `{{path}}`, which the policy requires; add it.",
    },
    options: {
      type: 'object',
      properties: {
        keys: {
          type: 'array',
          description: 'Settings every service (or the services matching `services`) must write.',
          items: {
            type: 'object',
            properties: {
              path: {
                type: 'string',
                pattern: '^[^.\\s]+(\\.[^.\\s]+)*$',
                description: 'Dot-separated keys below the service, e.g. `healthcheck` or `deploy.resources.limits.memory`.',
              },
              services: {
                type: 'array',
                items: { type: 'string', minLength: 1 },
                description: 'Glob patterns of the service names the requirement applies to (default: every service).',
              },
            },
            required: ['path'],
            additionalProperties: false,
          },
        },
      },
      required: ['keys'],
      additionalProperties: false,
    },
    docs: docsUrl('required-keys'),
    requiresOptions: true,
  },
  create(context) {
    const keys = (Array.isArray(context.options.keys) ? context.options.keys : [])
      .filter((entry) => typeof entry?.path === 'string' && entry.path !== '')
      .map((entry) => ({ path: entry.path, segments: entry.path.split('.'), services: Array.isArray(entry.services) ? entry.services : undefined }));
    if (keys.length === 0) return {};
    return {
      service(service) {
        for (const key of keys) {
          if (key.services && !key.services.some((glob) => matchesGlob(service.name, glob))) continue;
          // Point at the deepest key that is written: it is the one that lacks the setting.
          let node: Node = service.node;
          let where: ScalarNode = service.key;
          let missing = false;
          for (const segment of key.segments) {
            const pair: Pair | undefined = node.kind === 'map' ? node.pairs.get(segment) : undefined;
            if (!pair || (pair.value.kind === 'scalar' && pair.value.value === null)) {
              if (pair) where = pair.key;
              missing = true;
              break;
            }
            where = pair.key;
            node = pair.value;
          }
          if (missing) context.report({ node: where, messageId: 'missing', data: { service: service.name, path: key.path } });
        }
      },
    };
  },
});
