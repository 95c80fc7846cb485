import { ALL_RULES } from '../lint/generated/rule-index.ts';
import { InputError } from '../load/input-error.ts';
import { readRuleDoc } from '../report/rule-docs.ts';

/** `compose-lint explain RULE`: the rule's documentation page. */
export function runExplain(ruleId: string, write: (text: string) => void): number {
  const rule = ALL_RULES.find((candidate) => candidate.meta.id === ruleId);
  if (!rule) {
    const close = ALL_RULES.map((r) => r.meta.id).find((id) => id.includes(ruleId) || ruleId.includes(id));
    throw new InputError(`unknown rule ${ruleId}${close ? ` (did you mean ${close}?)` : ''}; run compose-lint rules for the list`);
  }
  const text = readRuleDoc(ruleId) ?? `# ${ruleId}\n\n${rule.meta.description}.\n`;
  write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}
