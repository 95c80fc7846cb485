import type { Ajv } from 'ajv';
import { InputError } from '../load/input-error.ts';
import { loadAjv } from './lazy-ajv.ts';
import type { RuleModule } from './rule-types.ts';

let ajv: Ajv | undefined;

/**
 * Check a rule's configured options against its schema. Compiled only for rules
 * the user gives options to, so runs without options never load a compiler.
 */
export function validateRuleOptions(rule: RuleModule, options: Record<string, unknown>, where: string): void {
  if (!rule.meta.options) return;
  if (!ajv) {
    ajv = new (loadAjv().Ajv)({ allErrors: true, strict: false });
    // Options that hold regular expressions declare `format: regex`, so a bad one is a config error (exit 2).
    ajv.addFormat('regex', (text: string) => {
      try {
        new RegExp(text);
        return true;
      } catch {
        return false;
      }
    });
  }
  const validate = ajv.compile(rule.meta.options);
  if (validate(options)) return;
  // A misspelled key explains the other errors (a required key "missing"), so name it first.
  const errors = [...(validate.errors ?? [])].sort((a, b) => Number(b.keyword === 'additionalProperties') - Number(a.keyword === 'additionalProperties'));
  const error = errors[0];
  const path = error?.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : '';
  const extra = error?.params && 'additionalProperty' in error.params ? ` "${String(error.params.additionalProperty)}"` : '';
  throw new InputError(`invalid ${where}: rules.${rule.meta.id}.options${path ? `.${path}` : ''}: ${error?.message ?? 'invalid'}${extra}`);
}
