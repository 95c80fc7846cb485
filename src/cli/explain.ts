import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_RULES } from '../lint/generated/rule-index.ts';
import { InputError } from '../load/input-error.ts';

/** `compose-lint explain RULE`: the rule's documentation page. */
export function runExplain(ruleId: string, write: (text: string) => void): number {
  const rule = ALL_RULES.find((candidate) => candidate.meta.id === ruleId);
  if (!rule) {
    const close = ALL_RULES.map((r) => r.meta.id).find((id) => id.includes(ruleId) || ruleId.includes(id));
    throw new InputError(`unknown rule ${ruleId}${close ? ` (did you mean ${close}?)` : ''}; run compose-lint rules for the list`);
  }
  const page = join(packageRoot(), 'docs', 'rules', `${ruleId}.md`);
  const text = existsSync(page) ? readFileSync(page, 'utf8') : `# ${ruleId}\n\n${rule.meta.description}.\n`;
  write(text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}

/** The folder holding package.json, from the bundle (dist/) or the sources (src/cli/). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
