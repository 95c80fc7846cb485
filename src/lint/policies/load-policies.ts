import type { RuleModule } from '../rule-types.ts';
import { compilePolicySchema } from './compile-policy-schema.ts';
import { createPolicyRule } from './custom-policy.ts';
import type { PolicyDefinition } from './policy-definition.ts';

/**
 * The config's policies as rules. Every schema is compiled here, before any
 * project is read, so a broken policy stops the run (exit 2) instead of
 * failing halfway through.
 */
export function compilePolicies(definitions: readonly PolicyDefinition[]): RuleModule[] {
  return definitions.map((definition) =>
    createPolicyRule(definition, {
      when: definition.when === undefined ? undefined : compilePolicySchema(definition, 'when', definition.when),
      require: compilePolicySchema(definition, 'require', definition.require),
    }),
  );
}
