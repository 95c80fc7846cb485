import { yamlPackage } from '../load/yaml-package.ts';
import type { PolicyDefinition } from '../lint/policies/policy-definition.ts';
import type { RuleModule } from '../lint/rule-types.ts';
import { terminalSafe } from './terminal-safe.ts';

const JUDGES = { service: 'each service', network: 'each network', volume: 'each volume', secret: 'each secret', config: 'each config', project: 'the project as a whole' };

/**
 * `explain` for a custom policy: Markdown like the built-in rules' pages, made
 * from the config, with its schemas as YAML (as policies are written).
 */
export function policyDoc(rule: RuleModule, definition: PolicyDefinition): string {
  const schema = (value: unknown) => ['```yaml', yamlPackage().stringify(value, { lineWidth: 0 }).trimEnd(), '```'];
  const lines = [
    `# ${rule.meta.id}`,
    '',
    `${rule.meta.description.replace(/[.\s]+$/, '')}.`,
    '',
    `A custom policy from ${definition.source}: severity ${definition.severity}, checks ${JUDGES[definition.target]}.`,
  ];
  if (definition.when !== undefined) lines.push('', '## When', '', `Only targets that match this JSON Schema are checked:`, '', ...schema(definition.when));
  lines.push('', '## Require', '', 'Each target checked must match this JSON Schema:', '', ...schema(definition.require));
  if (definition.message) lines.push('', '## Message', '', definition.message);
  if (definition.help) lines.push('', '## Documentation', '', definition.help);
  // Everything here is the config author's text: escape what could drive the terminal.
  return terminalSafe(`${lines.join('\n')}\n`);
}
