import { docsUrl } from '../src/lint/docs-url.ts';
import { repositoryMatches } from '../src/lint/model/image-pattern.ts';
import { pulledImage } from '../src/lint/model/pulled-image.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface Options {
  registries?: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'allowed-registries',
    description: 'Images pulled from a registry or repository that the policy does not allow',
    severity: 'off',
    tags: ['policy', 'security'],
    securitySeverity: '5.0',
    messages: {
      notAllowed:
        "Image \"{{image}}\" ({{repository}}) is not from an allowed registry ({{allowed}}); use an image from an approved registry, or add a pattern for it to `registries`.",
    },
    options: {
      type: 'object',
      properties: {
        registries: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          description:
            'Glob patterns of allowed repositories, e.g. `ghcr.io/acme/*`, `docker.io/library/*` (official Docker Hub images), `registry.example.com` (the whole registry). `*` stays within a path segment, `**` spans segments.',
        },
      },
      required: ['registries'],
      additionalProperties: false,
    },
    docs: docsUrl('allowed-registries'),
    requiresOptions: true,
  },
  create(context) {
    const registries = Array.isArray(context.options.registries) ? context.options.registries : undefined;
    // Not configured: nothing to enforce.
    if (!registries) return {};
    const shown = registries.length > 5 ? `${registries.slice(0, 5).join(', ')}, ...` : registries.join(', ');
    return {
      service(service) {
        const image = pulledImage(service);
        if (!image) return;
        if (registries.some((pattern) => repositoryMatches(image.ref, pattern))) return;
        context.report({
          node: image.node,
          messageId: 'notAllowed',
          data: { image: image.text, repository: image.ref.fullName, allowed: shown || 'none' },
        });
      },
    };
  },
});
