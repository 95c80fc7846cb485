import { child } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { imageMatchesAny } from '../src/lint/model/image-match.ts';
import { parseImageRef } from '../src/lint/model/image-ref.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface Options {
  'allow-digest-only': boolean;
  ignore: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'image-tag-pinned',
    description: 'An image with no tag or the `latest` tag',
    severity: 'warning',
    tags: ['guide', 'reliability'],
    messages: {
      noTag:
        "Image \"{{image}}\" has no tag, so it means `latest` and changes whenever the publisher pushes; pin a version tag such as `{{name}}:1.2.3` (or a digest).",
      latest:
        "Image \"{{image}}\" uses the `latest` tag, which moves to each new release; pin a version tag such as `{{name}}:1.2.3` (or a digest).",
      digestOnly:
        "Image \"{{image}}\" is pinned by digest alone, which does not say which version it is; write the version tag too (`{{name}}:TAG@DIGEST`).",
    },
    options: {
      type: 'object',
      properties: {
        'allow-digest-only': {
          type: 'boolean',
          description: 'Accept an image pinned by digest with no tag (`name@sha256:...`).',
        },
        ignore: {
          type: 'array',
          items: { type: 'string' },
          description: 'Images not checked (by name, or repository path), e.g. images built and tagged by the same project.',
        },
      },
      additionalProperties: false,
    },
    defaults: { 'allow-digest-only': true, ignore: [] },
    docs: docsUrl('image-tag-pinned'),
  },
  create(context) {
    const allowDigestOnly = context.options['allow-digest-only'] !== false;
    const ignore = Array.isArray(context.options.ignore) ? context.options.ignore : [];
    return {
      service(service) {
        // With `build:` the image names what compose builds and tags locally, not something pulled.
        if (child(service.node, 'build') !== undefined) return;
        const image = child(service.node, 'image');
        if (image?.kind !== 'scalar' || typeof image.value !== 'string') return;
        const text = image.value.trim();
        const ref = parseImageRef(text);
        // Unparseable or half-interpolated references (`repo:` from an unset ${TAG}) are other rules' business.
        if (!ref || ref.tag === '' || ref.digest === '') return;
        if (imageMatchesAny(ref, ignore)) return;
        const data = { image: text, name: text.split('@')[0].replace(/:[^:/]*$/, '') };
        if (ref.digest !== undefined) {
          if (ref.tag === undefined && !allowDigestOnly) context.report({ node: image, messageId: 'digestOnly', data });
          return;
        }
        if (ref.tag === undefined) context.report({ node: image, messageId: 'noTag', data });
        else if (ref.tag === 'latest') context.report({ node: image, messageId: 'latest', data });
      },
    };
  },
});
