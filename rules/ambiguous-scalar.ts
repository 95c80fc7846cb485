import type { Node, ScalarNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { explicitlyTagged, plainScalarAmbiguity, rawScalarText } from '../src/lint/model/plain-scalar-ambiguity.ts';
import { defineRule, type RuleContext } from '../src/lint/rule-types.ts';

/** Where a node sits: enough of its path to recognise what the walk skips. */
interface Frame {
  node: Node;
  /** 0 = the root, 1 = a top-level section, 2 = an entry of it (a service), 3 = a value under the entry's keys. */
  depth: number;
  /** The top-level section (`services`, `networks`, ...). */
  section: string;
  /** The key directly above this node (for list items: the list's key). */
  parentKey: string;
  /** The service the node belongs to, for findings under `services`. */
  service?: string;
}

/** Names whose values may be secrets: never quoted back in a message. */
const SECRET_NAME = /pass|pwd|secret|token|key|credential|auth|salt|pin/i;

export default defineRule({
  meta: {
    id: 'ambiguous-scalar',
    description: 'Unquoted `yes/no/on/off`, leading-zero numbers, `1:20` and dates, which YAML tools read as different types',
    severity: 'info',
    tags: ['style'],
    messages: {
      boolean:
        'The unquoted {{text}} is the string "{{text}}" to compose but the boolean {{yaml11}} to YAML 1.1 tools (docker-compose v1, PyYAML); quote it as "{{text}}", or write {{yaml11}} if you mean a boolean.',
      octal:
        'The unquoted {{text}} is the octal number {{compose}} to compose but {{yaml12}} to YAML 1.2 tools; quote it as "{{text}}" if you mean the text, or write {{octal}} if you mean an octal number.',
      leadingZero:
        'The unquoted {{text}} is the number {{compose}} to compose, which drops the leading zero, but a string to YAML 1.1 tools; quote it as "{{text}}" to keep the text.',
      sexagesimal:
        'The unquoted {{text}} is a string to compose but the base-60 number {{yaml11}} to YAML 1.1 tools (docker-compose v1, PyYAML); quote it as "{{text}}".',
      date: 'The unquoted {{text}} is a string to compose but a date to YAML 1.1 tools (docker-compose v1, PyYAML); quote it as "{{text}}".',
    },
    docs: docsUrl('ambiguous-scalar'),
  },
  create(context) {
    return {
      project(project) {
        // One walk over the merged tree; nodes shared through anchors are visited once.
        const seen = new Set<Node>();
        const stack: Frame[] = [{ node: project.root, depth: 0, section: '', parentKey: '' }];
        while (stack.length > 0) {
          const frame = stack.pop()!;
          const { node, depth } = frame;
          if (seen.has(node)) continue;
          seen.add(node);
          if (node.kind === 'scalar') {
            // A value under a secret-like name is no-hardcoded-secrets' business, and must not be echoed here.
            if (!SECRET_NAME.test(frame.parentKey)) checkScalar(context, node, frame.service ?? null);
          } else if (node.kind === 'map') {
            // Pushed in reverse so the walk goes in document order (a shared node belongs to its first user).
            for (const [key, pair] of [...node.pairs].reverse()) {
              // Extension fields are free-form data compose never reads (anchored content is met where it is used).
              if (key.startsWith('x-')) continue;
              stack.push({
                node: pair.value,
                depth: depth + 1,
                section: depth === 0 ? key : frame.section,
                parentKey: key,
                service: depth === 1 && frame.section === 'services' ? key : frame.service,
              });
            }
          } else {
            // Port lists are quoted-ports' business.
            const portList = frame.section === 'services' && depth === 3 && (frame.parentKey === 'ports' || frame.parentKey === 'expose');
            for (let i = node.items.length - 1; i >= 0; i--) {
              const item = node.items[i];
              if (portList && item.kind === 'scalar') continue;
              stack.push({ ...frame, node: item, depth: depth + 1 });
            }
          }
        }
      },
    };
  },
});

function checkScalar(context: RuleContext, node: ScalarNode, service: string | null): void {
  if (node.style !== 'plain' || node.synthetic || explicitlyTagged(node)) return;
  const text = rawScalarText(node).trim();
  const reading = plainScalarAmbiguity(text);
  if (!reading) return;
  // Where compose casts the value to a boolean (`privileged: yes`) it agrees with YAML 1.1.
  if (reading.kind === 'boolean' && typeof node.value === 'boolean') return;
  switch (reading.kind) {
    case 'boolean':
      context.report({ node, service, messageId: 'boolean', data: { text, yaml11: String(reading.yaml11) } });
      break;
    case 'octal': {
      const digits = text.replace(/^([-+]?)0+(?=[0-7])/, '$1').replaceAll('_', '');
      const sign = digits.startsWith('-') || digits.startsWith('+') ? digits[0] : '';
      const octal = `${sign}0o${digits.slice(sign.length) || '0'}`;
      context.report({ node, service, messageId: 'octal', data: { text, compose: reading.compose, yaml12: reading.yaml12, octal } });
      break;
    }
    case 'leading-zero':
      context.report({ node, service, messageId: 'leadingZero', data: { text, compose: reading.compose } });
      break;
    case 'sexagesimal':
      context.report({ node, service, messageId: 'sexagesimal', data: { text, yaml11: reading.yaml11 } });
      break;
    case 'date':
      context.report({ node, service, messageId: 'date', data: { text } });
      break;
  }
}
