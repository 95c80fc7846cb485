import { child } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { explicitlyTagged, plainScalarAmbiguity, rawScalarText } from '../src/lint/model/plain-scalar-ambiguity.ts';
import { defineRule } from '../src/lint/rule-types.ts';

export default defineRule({
  meta: {
    id: 'quoted-ports',
    description: 'An unquoted `HOST:CONTAINER` port mapping (YAML 1.1 tools read `22:22` as a base-60 number)',
    severity: 'warning',
    tags: ['style'],
    messages: {
      sexagesimal:
        'The unquoted port mapping {{text}} is the base-60 number {{number}} to YAML 1.1 tools (docker-compose v1, PyYAML); quote it as "{{text}}".',
      unquoted:
        'The port mapping {{text}} is not quoted, and unquoted `A:B` values with small numbers are read as base-60 numbers by YAML 1.1 tools; quote it as "{{text}}".',
    },
    docs: docsUrl('quoted-ports'),
  },
  create(context) {
    return {
      service(service) {
        for (const section of ['ports', 'expose']) {
          const list = child(service.node, section);
          if (list?.kind !== 'seq') continue;
          for (const item of list.items) {
            // Only plain untagged scalars: quoted, block and tagged scalars have one type for every YAML reader.
            if (item.kind !== 'scalar' || item.style !== 'plain' || item.synthetic || explicitlyTagged(item)) continue;
            const text = rawScalarText(item).trim();
            if (!text.includes(':')) continue;
            const reading = plainScalarAmbiguity(text);
            if (reading?.kind === 'sexagesimal') {
              context.report({ node: item, messageId: 'sexagesimal', data: { text, number: reading.yaml11 } });
            } else {
              context.report({ node: item, messageId: 'unquoted', data: { text } });
            }
          }
        }
      },
    };
  },
});
