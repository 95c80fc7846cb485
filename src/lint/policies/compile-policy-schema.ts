import type { Ajv, ValidateFunction } from 'ajv';
import { loadAjv } from '../lazy-ajv.ts';
import { enableLinearRegExpFallback } from '../user-regexp.ts';
import { policyError, type JsonSchema, type PolicyDefinition } from './policy-definition.ts';

let ajv: Ajv | undefined;

/**
 * One validator instance for every policy, made on first use, so runs without
 * policies never build one. `allErrors` reports every failing node, not just the
 * first. Strict about the schema itself (an unknown keyword such as `patern` is a
 * typo that would silently pass everything), lenient about type hints that
 * policy authors rarely write (`properties` without `type: object`).
 */
function policyAjv(): Ajv {
  if (ajv) return ajv;
  // Policy schemas' `pattern`s are user regexes (see user-regexp.ts).
  enableLinearRegExpFallback();
  ajv = new (loadAjv().Ajv)({
    allErrors: true,
    strictSchema: true,
    strictNumbers: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    // Two policies may use the same $id; nothing is shared between them.
    addUsedSchema: false,
    // Without the `u` flag V8 may fall back to its linear-time engine (enabled above),
    // so a catastrophic `pattern` in a policy cannot hang the run.
    unicodeRegExp: false,
    // Nothing may print: a bad schema is reported as a config error instead.
    logger: false,
  });
  return ajv;
}

/** Compile a policy's `when` or `require` schema; a schema ajv rejects is a config error (exit 2). */
export function compilePolicySchema(definition: PolicyDefinition, key: 'when' | 'require', schema: JsonSchema): ValidateFunction {
  // An async schema's validator returns a promise, which would read as "passes".
  if (typeof schema === 'object' && schema.$async !== undefined) {
    throw policyError(definition.source, undefined, definition.id, `${key} is not a valid JSON Schema: $async schemas are not supported`);
  }
  let validate: ValidateFunction;
  try {
    validate = policyAjv().compile(schema);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw policyError(definition.source, undefined, definition.id, `${key} is not a valid JSON Schema: ${reason}`);
  }
  return validate;
}
