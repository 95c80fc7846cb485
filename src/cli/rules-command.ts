import { loadUserConfig } from '../lint/config.ts';
import { ALL_RULES } from '../lint/generated/rule-index.ts';
import { policyDefinition } from '../lint/policies/custom-policy.ts';
import type { RuleModule } from '../lint/rule-types.ts';
import { InputError } from '../load/input-error.ts';
import { terminalSafe } from '../report/terminal-safe.ts';

export interface RulesOptions {
  format: string;
  config?: string;
}

export interface RulesIO {
  cwd: string;
  write(text: string): void;
}

/**
 * `compose-lint rules`: every rule with its id, default severity, tags and description,
 * then the custom policies of the config `check` would use here (`-c`, else found upward).
 */
export function runRules(options: RulesOptions, io: RulesIO): number {
  if (options.format !== 'text' && options.format !== 'json') throw new InputError(`invalid --format ${options.format}: expected text or json`);
  const policies = loadUserConfig(io.cwd, options.config).policies ?? [];
  const rows = [...ALL_RULES, ...policies].map(row);
  if (options.format === 'json') {
    io.write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  const idWidth = Math.max(...rows.map((entry) => entry.id.length));
  // A policy's description is the config author's text: escape what could drive the terminal.
  const lines = rows.map(
    (entry) => `${entry.id.padEnd(idWidth)}  ${entry.severity.padEnd(7)}  ${('custom' in entry ? 'policy (custom)' : entry.tags.join(',')).padEnd(22)}  ${terminalSafe(entry.description)}`,
  );
  io.write(`${lines.join('\n')}\n`);
  return 0;
}

/** One rule's entry; a custom policy also says so, what it judges and which file defines it. */
function row(rule: RuleModule) {
  const { meta } = rule;
  const definition = policyDefinition(rule);
  const base = { id: meta.id, severity: meta.severity, tags: meta.tags, description: meta.description, fixable: meta.fixable === true, docs: meta.docs };
  return definition ? { ...base, custom: true, target: definition.target, source: definition.source } : base;
}
