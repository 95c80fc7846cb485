import type { ErrorObject } from 'ajv';
import type { Loc, Node } from '../../load/nodes.ts';

/** The thing a policy judged: where its "missing" findings point, and its node. */
export interface PolicySubject {
  /** Where a finding about the subject as a whole points (the service's key, ...). */
  anchor: Node | Loc;
  node: Node;
}

/** One failure of a policy, placed on the node where the offending text was written. */
export interface PolicyFailure {
  at: Node | Loc;
  /** Dotted path below the subject (`deploy.resources`, `ports[1]`); empty for the subject itself. */
  path: string;
  /** What is wrong, from the failing keyword (`must match pattern "..."`). */
  detail: string;
  /** The path's segments, for callers that attribute failures (the service of a project policy). */
  segments: string[];
}

/** Keywords whose own error sums up the errors of the branches below them. */
const SUMMARISING = new Set(['anyOf', 'oneOf', 'contains', 'propertyNames']);
/** Keywords that report a property missing from the object at instancePath. */
const MISSING = new Set(['required', 'dependencies', 'dependentRequired']);

/**
 * Turn ajv's errors into findings' places. Each error points at the node its
 * instancePath names, except: a missing property points at the key of the
 * object that lacks it (the subject's key at the top), an extra or badly named
 * property at that key. Errors inside an anyOf/oneOf/contains branch are summed
 * up by the combinator's own error, and `if` only repeats its then/else errors.
 * Two keywords failing at one place are two failures (a service may lack two
 * required keys); a message that does not show {{detail}} reads the same for
 * both, and the engine reports it once.
 */
export function policyFailures(subject: PolicySubject, errors: readonly ErrorObject[]): PolicyFailure[] {
  const summaries = errors.filter((error) => SUMMARISING.has(error.keyword));
  const kept = errors.filter(
    (error) =>
      error.keyword !== 'if' &&
      !summaries.some((summary) => summary !== error && error.schemaPath.startsWith(`${summary.schemaPath}/`) && isWithin(error.instancePath, summary.instancePath)),
  );
  const byPlace = new Map<string, PolicyFailure>();
  for (const error of kept) {
    const failure = place(subject, error);
    const loc = 'kind' in failure.at ? failure.at.loc : failure.at;
    const key = `${loc.file.path}\0${loc.start}:${loc.end}\0${failure.detail}`;
    if (!byPlace.has(key)) byPlace.set(key, failure);
  }
  return [...byPlace.values()];
}

function isWithin(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}/`);
}

function place(subject: PolicySubject, error: ErrorObject): PolicyFailure {
  const segments = parsePointer(error.instancePath);
  const walked = walk(subject, segments);
  const params = error.params as Record<string, unknown>;
  const namedKey =
    error.keyword === 'additionalProperties' ? params.additionalProperty : error.keyword === 'propertyNames' ? params.propertyName : undefined;
  if (typeof namedKey === 'string' && walked.node.kind === 'map') {
    const pair = walked.node.pairs.get(namedKey);
    const path = [...segments, namedKey];
    if (pair) return { at: pair.key, path: formatPath(path), detail: describe(error, path), segments: path };
  }
  // A missing property, or a whole collection: the key that lacks it reads best (one line, not a block).
  const atKey = MISSING.has(error.keyword) || walked.node.kind !== 'scalar';
  let at: Node | Loc = walked.node;
  if (atKey || isEmpty(walked.node.loc)) at = walked.key ?? (segments.length === 0 ? subject.anchor : walked.node);
  return { at, path: formatPath(segments), detail: describe(error, segments), segments };
}

/** Follow the error's path through our nodes: the deepest node reached, and the key that names it. */
function walk(subject: PolicySubject, segments: string[]): { node: Node; key?: Node } {
  let node = subject.node;
  let key: Node | undefined;
  for (const segment of segments) {
    if (node.kind === 'map') {
      const pair = node.pairs.get(segment);
      if (!pair) break;
      key = pair.key;
      node = pair.value;
    } else if (node.kind === 'seq' && /^\d+$/.test(segment) && node.items[Number(segment)]) {
      key = undefined;
      node = node.items[Number(segment)];
    } else break;
  }
  return { node, key };
}

/** JSON Pointer (`/deploy/labels/com.acme~1team`) to segments. */
function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function formatPath(segments: string[]): string {
  let out = '';
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/**
 * ajv's message, with the name or values it leaves out. Only text from the
 * policy and key names are added: never a value from the compose file, which
 * may be a secret.
 */
function describe(error: ErrorObject, segments: string[]): string {
  const params = error.params as Record<string, unknown>;
  const message = error.message ?? `fails the ${error.keyword} check`;
  const path = formatPath(segments);
  const subject = path === '' ? '' : `\`${path}\` `;
  switch (error.keyword) {
    case 'additionalProperties':
      return `\`${path}\` is not allowed`;
    case 'propertyNames':
      return `the key \`${path}\` is not an allowed name`;
    case 'enum':
      return `${subject}must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'const':
      return `${subject}must be ${JSON.stringify(params.allowedValue)}`;
    case 'false schema':
      return `${subject}is not allowed`;
    case 'not':
      return `${subject}matches a schema the policy forbids`;
    default:
      return `${subject}${message}`;
  }
}

function isEmpty(loc: Loc): boolean {
  return loc.start === loc.end;
}
