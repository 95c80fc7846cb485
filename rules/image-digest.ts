import { child } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { parseImageRef } from '../src/lint/model/image-ref.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'image-digest',
    description: 'An image pinned by tag but not by digest',
    severity: 'off',
    tags: ['security'],
    securitySeverity: '3.0',
    messages: {
      tagOnly:
        'Image "{{image}}" is pinned by tag only, and a tag can be moved to other content; pin it by digest as well (`{{image}}@sha256:...`).',
    },
    docs: docsUrl('image-digest'),
  },
  create(context) {
    return {
      service(service) {
        // The image of a service that builds is the name given to the build result: nothing is pulled.
        if (child(service.node, 'build')) return;
        const image = child(service.node, 'image');
        if (image?.kind !== 'scalar' || typeof image.value !== 'string') return;
        const ref = parseImageRef(image.value);
        // No tag, or `latest`, is image-tag-pinned's finding.
        if (!ref || ref.digest !== undefined || !ref.tag || ref.tag === 'latest') return;
        context.report({ node: image, messageId: 'tagOnly', data: { image: image.value.trim() } });
      },
    };
  },
});
