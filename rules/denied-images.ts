import { docsUrl } from '../src/lint/docs-url.ts';
import { imageMatchesPattern } from '../src/lint/model/image-pattern.ts';
import { pulledImage } from '../src/lint/model/pulled-image.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface DeniedImage {
  pattern: string;
  reason?: string;
}

interface Options {
  images?: DeniedImage[];
}

export default defineRule<Options>({
  meta: {
    id: 'denied-images',
    description: 'Images (or image versions) that the policy denies',
    severity: 'off',
    tags: ['policy', 'security'],
    securitySeverity: '5.0',
    messages: {
      deniedWithReason: "Image \"{{image}}\" is denied by the policy pattern \"{{pattern}}\" ({{reason}}); use another image or version.",
      denied: "Image \"{{image}}\" is denied by the policy pattern \"{{pattern}}\"; use another image or version.",
    },
    options: {
      type: 'object',
      properties: {
        images: {
          type: 'array',
          description:
            'Denied images: glob patterns over the whole reference, tag included (`*:latest`, `docker.io/library/mysql:5.*`), each with an optional reason shown in the finding.',
          items: {
            type: 'object',
            properties: {
              pattern: { type: 'string', minLength: 1 },
              reason: { type: 'string' },
            },
            required: ['pattern'],
            additionalProperties: false,
          },
        },
      },
      required: ['images'],
      additionalProperties: false,
    },
    docs: docsUrl('denied-images'),
    requiresOptions: true,
  },
  create(context) {
    const denied = Array.isArray(context.options.images)
      ? context.options.images.filter((entry) => typeof entry?.pattern === 'string' && entry.pattern.trim() !== '')
      : [];
    if (denied.length === 0) return {};
    return {
      service(service) {
        const image = pulledImage(service);
        if (!image) return;
        const match = denied.find((entry) => imageMatchesPattern(image.ref, entry.pattern));
        if (!match) return;
        const reason = match.reason?.trim().replace(/[.\s]+$/, '');
        context.report({
          node: image.node,
          messageId: reason ? 'deniedWithReason' : 'denied',
          data: reason ? { image: image.text, pattern: match.pattern, reason } : { image: image.text, pattern: match.pattern },
        });
      },
    };
  },
});
