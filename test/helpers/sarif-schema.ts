import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04, { type ErrorObject } from 'ajv-draft-04';
import { REPO_ROOT } from './cli.ts';

/** The OASIS SARIF 2.1.0 schema is draft-04; ajv needs its draft-04 build for `id` and exclusive bounds. */
// The package is CommonJS: under NodeNext its default import is module.exports, whose .default is the class.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
// The schema's formats, checked for real: GitHub rejects a SARIF whose URIs are not URIs.
ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
ajv.addFormat('uri-reference', /^[^\s]*$/);
ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT/.test(value) && !Number.isNaN(Date.parse(value)));

const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schemas/sarif-schema-2.1.0.json'), 'utf8')));

/** Schema errors of a SARIF document, as readable lines; empty when it validates. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validate(log)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}
