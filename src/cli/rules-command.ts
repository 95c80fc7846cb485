import { ALL_RULES } from '../lint/generated/rule-index.ts';
import { InputError } from '../load/input-error.ts';

/** `compose-lint rules`: every rule with its id, default severity, tags and description. */
export function runRules(format: string, write: (text: string) => void): number {
  const rows = ALL_RULES.map(({ meta }) => ({
    id: meta.id,
    severity: meta.severity,
    tags: meta.tags,
    description: meta.description,
    fixable: meta.fixable === true,
    docs: meta.docs,
  }));
  if (format === 'json') {
    write(`${JSON.stringify(rows, null, 2)}\n`);
    return 0;
  }
  if (format !== 'text') throw new InputError(`invalid --format ${format}: expected text or json`);
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const lines = rows.map((row) => `${row.id.padEnd(idWidth)}  ${row.severity.padEnd(7)}  ${row.tags.join(',').padEnd(22)}  ${row.description}`);
  write(`${lines.join('\n')}\n`);
  return 0;
}
