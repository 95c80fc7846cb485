// Compiles schemas/compose-lint-config.schema.json to a standalone validator module.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildConfigValidator() {
  const schema = JSON.parse(readFileSync(join(root, 'schemas/compose-lint-config.schema.json'), 'utf8'));
  const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: false, strict: false });
  const validate = ajv.compile(schema);
  const out = join(root, 'src/validate/generated');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'config-schema.js'), standaloneCode.default ? standaloneCode.default(ajv, validate) : standaloneCode(ajv, validate));
  writeFileSync(
    join(out, 'config-schema.d.ts'),
    "import type { ErrorObject } from 'ajv';\ndeclare const validate: { (data: unknown): boolean; errors?: ErrorObject[] | null };\nexport default validate;\n",
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildConfigValidator();
