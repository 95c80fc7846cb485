// Turns ajv's flat error list for the compose spec into one readable problem per real
// mistake, worded like compose-go: dotted paths (`services.api.ports.0`), "mapping" and
// "list" for object and array, quoted names.
import type { ErrorObject } from 'ajv';

export interface SchemaProblem {
  /** Instance path segments; numbers are array indexes. */
  path: (string | number)[];
  /** 'key': the key named by the last segment; 'value': the value at path. */
  at: 'key' | 'value';
  message: string;
}

type Segment = string | number;

interface ErrorNode {
  error: ErrorObject;
  path: Segment[];
  /** For oneOf/anyOf: the errors of the alternatives that failed. */
  branches: ErrorNode[];
}

export function describeSchemaErrors(errors: ErrorObject[], data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const problem of describeNodes(toTree(errors, data), data)) {
    // compose ignores the obsolete `version` key whatever its type (obsolete-version reports it)
    if (problem.path[0] === 'version') continue;
    const key = `${problem.at}\u0000${JSON.stringify(problem.path)}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  // ajv reports in schema order; document order reads better and is stable
  const order = new Map(problems.map((p) => [p, documentPosition(p.path, data)]));
  return problems.sort((a, b) => comparePositions(order.get(a) ?? [], order.get(b) ?? []));
}

/** Index of each path segment among its siblings (parsed YAML keeps key order). */
function documentPosition(path: Segment[], data: unknown): number[] {
  const position: number[] = [];
  let node = data;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') {
      position.push(segment);
      node = node[segment];
    } else if (isMapping(node)) {
      position.push(Object.keys(node).indexOf(String(segment)));
      node = node[String(segment)];
    } else {
      break;
    }
  }
  return position;
}

function comparePositions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return a.length - b.length;
}

// ajv reports a failed oneOf as its alternatives' errors followed by the oneOf error
// itself, with nothing in between from elsewhere: the alternatives' errors are the run
// of preceding errors that lie inside the oneOf's instance path. (Their schemaPath can't
// be used: inside a $ref it restarts at the referenced definition.)
function toTree(errors: ErrorObject[], data: unknown): ErrorNode[] {
  const nodes: ErrorNode[] = [];
  for (const error of errors) {
    const node: ErrorNode = { error, path: toPath(error.instancePath, data), branches: [] };
    if (isAlternatives(error)) {
      let start = nodes.length;
      while (start > 0 && isWithin(nodes[start - 1].error.instancePath, error.instancePath)) start--;
      node.branches = nodes.splice(start);
    }
    nodes.push(node);
  }
  return nodes;
}

function isAlternatives(error: ErrorObject): boolean {
  return error.keyword === 'oneOf' || error.keyword === 'anyOf';
}

function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

// Walks the data along the JSON pointer so that array indexes become numbers while a
// service literally named "0" stays a string.
function toPath(pointer: string, data: unknown): Segment[] {
  if (pointer === '') return [];
  const path: Segment[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(part);
      path.push(index);
      node = node[index];
    } else {
      path.push(part);
      node = isMapping(node) ? node[part] : undefined;
    }
  }
  return path;
}

function describeNodes(nodes: ErrorNode[], data: unknown): SchemaProblem[] {
  return nodes.flatMap((node) => (isAlternatives(node.error) ? describeAlternatives(node, data) : describeLeaf(node, data)));
}

// The alternatives that failed only because the value has another type say nothing
// about the user's intent; an alternative whose type matched but failed deeper does.
function describeAlternatives(node: ErrorNode, data: unknown): SchemaProblem[] {
  const { error, path } = node;
  if (Array.isArray(error.params.passingSchemas)) {
    return [{ path, at: 'value', message: `${subject(path)} matches more than one of the allowed forms` }];
  }
  const otherTypes: string[] = [];
  const matched: ErrorNode[] = [];
  for (const branch of node.branches) {
    const types = typeMismatch(branch, error.instancePath);
    if (types) otherTypes.push(...types);
    else matched.push(branch);
  }
  if (matched.length === 0) {
    const message = otherTypes.length > 0 ? `must be ${typePhrase(otherTypes)}` : 'does not match any of the allowed forms';
    return [{ path, at: 'value', message: `${subject(path)} ${message}` }];
  }
  const values = matched.every((m) => m.error.instancePath === error.instancePath) ? allowedValues(matched) : null;
  if (values && otherTypes.length > 0) {
    // e.g. gpus: 'all' or a list
    return [{ path, at: 'value', message: `${subject(path)} must be ${values.join(', ')} or ${typePhrase(otherTypes)}` }];
  }
  return describeNodes(matched, data);
}

/** The types a branch wanted when it failed only on the value's type at `pointer`. */
function typeMismatch(node: ErrorNode, pointer: string): string[] | null {
  if (node.error.instancePath !== pointer) return null;
  if (node.error.keyword === 'type') return String(node.error.params.type).split(',');
  if (isAlternatives(node.error) && node.branches.length > 0) {
    const types: string[] = [];
    for (const branch of node.branches) {
      const wanted = typeMismatch(branch, pointer);
      if (!wanted) return null;
      types.push(...wanted);
    }
    return types;
  }
  return null;
}

/** Quoted allowed values when every node is an enum/const failure, else null. */
function allowedValues(nodes: ErrorNode[]): string[] | null {
  const values: string[] = [];
  for (const { error } of nodes) {
    if (error.keyword === 'enum') values.push(...(error.params.allowedValues as unknown[]).map(quote));
    else if (error.keyword === 'const') values.push(quote(error.params.allowedValue));
    else return null;
  }
  return values;
}

function describeLeaf(node: ErrorNode, data: unknown): SchemaProblem[] {
  const { error, path } = node;
  const params = error.params;
  const value = (message: string): SchemaProblem[] => [{ path, at: 'value', message: `${subject(path)} ${message}` }];
  switch (error.keyword) {
    case 'additionalProperties':
      return [describeUnknownKey(path, String(params.additionalProperty), error.parentSchema, data)];
    case 'required': {
      // point at the key of the mapping that lacks the property; list items have no key
      const at = path.length === 0 || typeof path[path.length - 1] === 'number' ? 'value' : 'key';
      return [{ path, at, message: `${subject(path)} is missing required property '${params.missingProperty}'` }];
    }
    case 'type':
      return value(`must be ${typePhrase(String(params.type).split(','))}`);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(quote);
      return value(allowed.length === 1 ? `must be ${allowed[0]}` : `must be one of ${allowed.join(', ')}`);
    }
    case 'const':
      return value(`must be ${quote(params.allowedValue)}`);
    case 'pattern': {
      const expected = error.parentSchema?.['x-expected'];
      return value(typeof expected === 'string' ? `must be ${expected}` : `must match the pattern '${params.pattern}'`);
    }
    case 'format':
      return value(params.format === 'duration' ? "must be a duration such as '30s' or '1m30s'" : `must be a valid ${params.format}`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return value(`must be ${COMPARISONS[String(params.comparison)] ?? params.comparison} ${params.limit}`);
    case 'uniqueItems': {
      const [first, second] = [Number(params.j), Number(params.i)].sort((a, b) => a - b);
      return [{ path: [...path, second], at: 'value', message: `${subject(path)} must not contain duplicates (item ${second} repeats item ${first})` }];
    }
    case 'minItems':
      return value(`must have at least ${params.limit} item${params.limit === 1 ? '' : 's'}`);
    case 'maxItems':
      return value(`must have at most ${params.limit} item${params.limit === 1 ? '' : 's'}`);
    case 'minLength':
      return value(params.limit === 1 ? 'must not be empty' : `must be at least ${params.limit} characters long`);
    case 'maxLength':
      return value(`must be at most ${params.limit} characters long`);
    case 'minProperties':
      return value(params.limit === 1 ? 'must not be empty' : `must have at least ${params.limit} properties`);
    case 'false schema':
    case 'not':
      return value('is not allowed here');
    case 'if':
      // the failing then/else branch reports the actual problem
      return [];
    default:
      return value(`is invalid (${error.keyword})`);
  }
}

const COMPARISONS: Record<string, string> = {
  '>=': 'greater than or equal to',
  '<=': 'less than or equal to',
  '>': 'greater than',
  '<': 'less than',
};

// Common service keys (and version-1-only ones): a top-level mapping using any of them
// is a version 1 service.
const SERVICE_KEYS = new Set([
  'image', 'build', 'command', 'entrypoint', 'ports', 'expose', 'environment', 'env_file', 'volumes',
  'volumes_from', 'links', 'external_links', 'extends', 'depends_on', 'restart', 'container_name',
  'working_dir', 'user', 'hostname', 'labels', 'healthcheck', 'networks', 'dns', 'privileged',
  'net', 'log_driver', 'log_opt', 'volume_driver', 'dockerfile',
]);
const NAME_PATTERN = '^[a-zA-Z0-9._-]+$';

function describeUnknownKey(parent: Segment[], key: string, schema: Record<string, unknown> | undefined, data: unknown): SchemaProblem {
  const path = [...parent, key];
  const allowed = isMapping(schema?.properties) ? Object.keys(schema.properties) : [];
  const patterns = isMapping(schema?.patternProperties) ? Object.keys(schema.patternProperties).filter((p) => p !== '^x-') : [];
  // a mapping of user-chosen names (services, volumes, ...) whose name is malformed
  if (allowed.length === 0 && patterns.length > 0) {
    const rule = patterns.includes(NAME_PATTERN)
      ? "only letters, digits, '.', '_' and '-' are allowed"
      : key === '' ? 'it must not be empty' : `it must match '${patterns.join("' or '")}'`;
    return { path, at: 'key', message: `${subject(parent)}: '${key}' is not a valid name (${rule})` };
  }
  const where = parent.length === 0 ? `additional property '${key}' is not allowed at the top level` : `${subject(parent)}: additional property '${key}' is not allowed`;
  const suggestion = closest(key, allowed);
  if (suggestion) return { path, at: 'key', message: `${where} (did you mean '${suggestion}'?)` };
  if (parent.length === 0 && looksLikeService(isMapping(data) ? data[key] : undefined)) {
    return { path, at: 'key', message: `${where} (this looks like a version 1 file: services belong under 'services:')` };
  }
  return { path, at: 'key', message: where };
}

function looksLikeService(value: unknown): boolean {
  return isMapping(value) && Object.keys(value).some((k) => SERVICE_KEYS.has(k));
}

/** The allowed key the user most likely meant: within 2 edits (1 for short keys) or a unique prefix. */
function closest(key: string, allowed: string[]): string | undefined {
  const typed = key.toLowerCase();
  // two edits turn any 4-letter word into many others ('base' -> 'name')
  const limit = typed.length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= limit) return best;
  if (typed.length < 4) return undefined;
  const prefixed = allowed.filter((c) => c.toLowerCase().startsWith(typed) || typed.startsWith(c.toLowerCase()));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** Damerau-Levenshtein distance, optimal string alignment variant (adjacent swaps count 1). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[i].push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

const TYPE_WORDS: Record<string, string> = { object: 'mapping', array: 'list' };

/** ['number','string','object'] -> "a number, string or mapping" (null last, no article). */
function typePhrase(types: string[]): string {
  let words = [...new Set(types.map((t) => TYPE_WORDS[t] ?? t))];
  if (words.includes('number')) words = words.filter((w) => w !== 'integer');
  words = [...words.filter((w) => w !== 'null'), ...words.filter((w) => w === 'null')];
  const [first] = words;
  const article = first === 'null' ? '' : /^[aeiou]/.test(first) ? 'an ' : 'a ';
  const list = words.length === 1 ? first : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
  return article + list;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value);
}

/** compose-go's way of naming a place: dotted segments, list indexes included. */
function subject(path: Segment[]): string {
  return path.length === 0 ? 'the top level' : path.join('.');
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
