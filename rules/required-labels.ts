import { child, keyNode } from '../src/load/nodes.ts';
import { docsUrl } from '../src/lint/docs-url.ts';
import { keyValues } from '../src/lint/model/key-values.ts';
import { matchesGlob } from '../src/lint/path-glob.ts';
import { userRegExp } from '../src/lint/user-regexp.ts';
import { defineRule } from '../src/lint/rule-types.ts';

interface RequiredLabel {
  name: string;
  pattern?: string;
  services?: string[];
}

interface Options {
  labels?: RequiredLabel[];
}

interface CompiledLabel {
  name: string;
  pattern?: RegExp;
  services?: string[];
}

export default defineRule<Options>({
  meta: {
    id: 'required-labels',
    description: 'Services that lack a label the policy requires, or whose value does not match its pattern',
    severity: 'off',
    tags: ['policy'],
    messages: {
      missing: "Service \"{{service}}\" has no \"{{label}}\" label, which the policy requires; add it under `labels`.",
      mismatch:
        "Label \"{{label}}\" is \"{{value}}\", which does not match the required pattern /{{pattern}}/; change it to a value that matches.",
    },
    options: {
      type: 'object',
      properties: {
        labels: {
          type: 'array',
          description: 'Labels every service (or the services matching `services`) must carry.',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', minLength: 1, description: 'The label key, e.g. `com.example.team`.' },
              pattern: {
                type: 'string',
                format: 'regex',
                description: 'A regular expression (JavaScript syntax) the value must match; unanchored, so use `^...$` for the whole value.',
              },
              services: {
                type: 'array',
                items: { type: 'string', minLength: 1 },
                description: 'Glob patterns of the service names the requirement applies to (default: every service).',
              },
            },
            required: ['name'],
            additionalProperties: false,
          },
        },
      },
      required: ['labels'],
      additionalProperties: false,
    },
    docs: docsUrl('required-labels'),
    requiresOptions: true,
  },
  create(context) {
    const labels: CompiledLabel[] = [];
    const configured = Array.isArray(context.options.labels) ? context.options.labels : [];
    configured.forEach((entry, index) => {
      if (typeof entry?.name !== 'string' || entry.name === '') return;
      let pattern: RegExp | undefined;
      if (typeof entry.pattern === 'string') {
        try {
          pattern = userRegExp(entry.pattern);
        } catch {
          // The options schema cannot check regular expressions; say which one is wrong.
          throw new Error(`options.labels[${index}].pattern is not a valid regular expression: ${entry.pattern}`);
        }
      }
      labels.push({ name: entry.name, pattern, services: Array.isArray(entry.services) ? entry.services : undefined });
    });
    if (labels.length === 0) return {};
    return {
      service(service) {
        const applicable = labels.filter((label) => !label.services || label.services.some((glob) => matchesGlob(service.name, glob)));
        if (applicable.length === 0) return;
        const written = new Map(keyValues(child(service.node, 'labels')).map((entry) => [entry.key, entry]));
        // The `labels:` key lacks the label when there is one; else the service's key.
        const where = keyNode(service.node, 'labels') ?? service.key;
        for (const label of applicable) {
          const entry = written.get(label.name);
          if (!entry) {
            context.report({ node: where, messageId: 'missing', data: { service: service.name, label: label.name } });
          } else if (label.pattern && !label.pattern.test(entry.value ?? '')) {
            context.report({
              node: entry.value === null ? entry.node : entry.valueLoc,
              messageId: 'mismatch',
              data: { label: label.name, value: entry.value ?? '', pattern: label.pattern.source },
            });
          }
        }
      },
    };
  },
});
