import { loadUserConfig } from '../lint/config.ts';
import { ALL_RULES } from '../lint/generated/rule-index.ts';
import { policyDefinition } from '../lint/policies/custom-policy.ts';
import { InputError } from '../load/input-error.ts';
import { policyDoc } from '../report/policy-doc.ts';
import { readRuleDoc } from '../report/rule-docs.ts';

export interface ExplainOptions {
  config?: string;
}

export interface ExplainIO {
  cwd: string;
  write(text: string): void;
}

/** `compose-lint explain ID`: a built-in rule's documentation page, or a custom policy's definition. */
export function runExplain(ruleId: string, options: ExplainOptions, io: ExplainIO): number {
  const rule = ALL_RULES.find((candidate) => candidate.meta.id === ruleId);
  if (rule) {
    const text = readRuleDoc(ruleId) ?? `# ${ruleId}\n\n${rule.meta.description}.\n`;
    io.write(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
  }
  // Not built in: a policy of the config `check` would use here. Built-in ids never read the config.
  const policies = loadUserConfig(io.cwd, options.config).policies ?? [];
  const policy = policies.find((candidate) => candidate.meta.id === ruleId);
  const definition = policy && policyDefinition(policy);
  if (!policy || !definition) {
    const close = [...ALL_RULES, ...policies].map((r) => r.meta.id).find((id) => id.includes(ruleId) || ruleId.includes(id));
    throw new InputError(`unknown rule ${ruleId}${close ? ` (did you mean ${close}?)` : ''}; run compose-lint rules for the list`);
  }
  io.write(policyDoc(policy, definition));
  return 0;
}
