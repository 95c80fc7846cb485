// Validates a parsed compose document against the compose spec. The validator is
// compiled at build time (scripts/build-schema.mjs), so importing this costs no ajv compile.
import validate from './generated/compose-schema.js';
import { describeSchemaErrors, type SchemaProblem } from './schema-messages.ts';

export type { SchemaProblem } from './schema-messages.ts';

/** Expects plain JS data (interpolated, YAML merge keys resolved); [] when valid. */
export function validateCompose(data: unknown): SchemaProblem[] {
  if (validate(data)) return [];
  return describeSchemaErrors(validate.errors ?? [], data);
}
