// Compiles schemas/compose-spec.json ahead of time into a standalone, dependency-free
// ES module (src/validate/generated/compose-schema.js) so the linter never pays for
// ajv's schema compilation at startup.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = join(root, 'schemas', 'compose-spec.json');
const outDir = join(root, 'src', 'validate', 'generated');

// Go's time.ParseDuration grammar: compose-go checks `format: duration` with it.
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;

// Formats compose-go knows. The current spec uses none of them, but other spec
// revisions have, so the build keeps working when the copied schema is refreshed.
// RegExps (not functions) because standalone code can only serialise those.
const FORMATS = {
  duration: GO_DURATION,
  // compose-go never rejects a value through these; its loader parses ports later.
  ports: true,
  expose: true,
};

// Human wording for the spec's `pattern`s, carried on the schema so the message layer
// never has to print a regex. Keyed by JSON pointer into the schema.
const PATTERN_WORDING = {
  '/definitions/service/properties/pull_policy':
    "one of 'always', 'never', 'missing', 'build', 'if_not_present', 'refresh', 'daily', 'weekly' or 'every_<duration>'",
  '/definitions/service/properties/container_name':
    "a name of letters, digits, '_', '.' and '-' starting with a letter or digit",
};

// Constraints compose enforces outside the schema (the engine rejects them at `up`).
// Kept here, few and explicit, because a linter should catch them before deployment.
const TIGHTENINGS = {
  '/definitions/service/properties/restart': {
    // "" is the engine's "no"; `$` keeps un-interpolated `${VAR}` values valid.
    pattern: '^(no|always|unless-stopped|on-failure(:[0-9]+)?)?$|\\$',
    'x-expected': "one of 'no', 'always', 'on-failure', 'on-failure:<max-retries>', 'unless-stopped'",
  },
  // the spec allows strings only so that `${VAR}` can supply the number
  '/definitions/deployment/properties/replicas': { pattern: '^[0-9]+$|\\$', 'x-expected': 'an integer' },
  '/definitions/service/properties/scale': { pattern: '^[0-9]+$|\\$', 'x-expected': 'an integer' },
};

function at(schema, pointer) {
  let node = schema;
  for (const part of pointer.split('/').slice(1)) {
    node = node?.[part];
  }
  if (!node || typeof node !== 'object') throw new Error(`build-schema: ${pointer} is not in the compose spec any more`);
  return node;
}

// Descriptions are dead weight in generated code (verbose errors embed the schema).
function stripDescriptions(node) {
  if (Array.isArray(node)) {
    node.forEach(stripDescriptions);
  } else if (node && typeof node === 'object') {
    delete node.description;
    for (const [key, value] of Object.entries(node)) {
      // a property literally named "description" must survive
      if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
        for (const child of Object.values(value)) stripDescriptions(child);
      } else {
        stripDescriptions(value);
      }
    }
  }
}

function usedFormats(node, found = new Set()) {
  if (Array.isArray(node)) node.forEach((n) => usedFormats(n, found));
  else if (node && typeof node === 'object') {
    if (typeof node.format === 'string') found.add(node.format);
    Object.values(node).forEach((n) => usedFormats(n, found));
  }
  return found;
}

export async function prepareSchema() {
  const schema = JSON.parse(await readFile(schemaFile, 'utf8'));
  // ajv 8 has draft-07 built in but only under the http:// id; the spec writes https.
  delete schema.$schema;
  stripDescriptions(schema);
  for (const [pointer, wording] of Object.entries(PATTERN_WORDING)) {
    const node = at(schema, pointer);
    if (typeof node.pattern !== 'string') throw new Error(`build-schema: ${pointer} has no pattern any more`);
    node['x-expected'] = wording;
  }
  for (const [pointer, extra] of Object.entries(TIGHTENINGS)) {
    const node = at(schema, pointer);
    if (node.pattern !== undefined || node.enum !== undefined) {
      throw new Error(`build-schema: the spec now constrains ${pointer} itself; drop the tightening`);
    }
    Object.assign(node, extra);
  }
  for (const format of usedFormats(schema)) {
    if (!(format in FORMATS)) throw new Error(`build-schema: the compose spec uses unknown format "${format}"`);
  }
  hoistProperties(schema, 'service');
  hoistProperties(schema, 'deployment');
  return schema;
}

/**
 * Give each property of a service (and of its deploy section) its own definition. With
 * `inlineRefs: false` ajv then emits one function per property instead of one ~190 KB
 * service function, and V8 compiles only the functions a file's keys call: a cold run on a
 * small file compiles a few KB, not all of it (its validate stage: ~6.8 ms -> ~4.9 ms).
 * Errors keep their instance path, keyword, params and parent schema; only schemaPath,
 * which nothing reads, changes.
 */
function hoistProperties(schema, definition) {
  const properties = schema.definitions[definition].properties;
  for (const [name, subschema] of Object.entries(properties)) {
    if (subschema.$ref) continue;
    const id = `${definition}_property_${name}`;
    if (schema.definitions[id]) throw new Error(`build-schema: the compose spec now defines ${id}`);
    schema.definitions[id] = subschema;
    properties[name] = { $ref: `#/definitions/${id}` };
  }
}

export async function buildSchemaValidator() {
  const schema = await prepareSchema();
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    // parentSchema on each error gives the message layer allowed keys and types
    verbose: true,
    // schema-messages.ts writes every message itself
    messages: false,
    // shared definitions (list_or_dict, ...) as functions, not copies: ~30% less code to parse
    inlineRefs: false,
    formats: FORMATS,
    code: { source: true, esm: true, optimize: true },
  });
  const validate = ajv.compile(schema);
  const source = standaloneCode(ajv, validate);

  // ajv's standalone output may require() its runtime helpers; bundle them in so the
  // module is plain ESM with no imports at all.
  const bundled = await build({
    stdin: { contents: source, resolveDir: root, sourcefile: 'compose-schema.js', loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['main'],
    target: 'es2022',
    minify: false,
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const external = Object.values(bundled.metafile.outputs).flatMap((o) => o.imports);
  if (external.length > 0) {
    throw new Error(`build-schema: generated validator imports ${external.map((i) => i.path).join(', ')}`);
  }
  let code = bundled.outputFiles[0].text;
  code = `// Generated by scripts/build-schema.mjs from schemas/compose-spec.json. Do not edit.\n${code}`;

  const dts = `// Generated by scripts/build-schema.mjs. Do not edit.
import type { ErrorObject } from 'ajv';

declare function validate(data: unknown): boolean;
declare namespace validate {
  let errors: ErrorObject[] | null | undefined;
}
export default validate;
export { validate };
`;

  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'compose-schema.js'), code);
  await writeFile(join(outDir, 'compose-schema.d.ts'), dts);
  return join(outDir, 'compose-schema.js');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = await buildSchemaValidator();
  console.log(`build-schema: wrote ${file}`);
}
