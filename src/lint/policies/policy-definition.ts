import { InputError } from '../../load/input-error.ts';
import type { SeverityOrOff } from '../rule-types.ts';

/** What a policy is evaluated on: each service, each network, ..., or the whole project once. */
export const POLICY_TARGETS = ['service', 'network', 'volume', 'secret', 'config', 'project'] as const;
export type PolicyTarget = (typeof POLICY_TARGETS)[number];

/** A JSON Schema (draft-07) as written in the config: an object, or `true`/`false`. */
export type JsonSchema = Record<string, unknown> | boolean;

/** One entry of `policies:`, checked. */
export interface PolicyDefinition {
  id: string;
  description?: string;
  severity: SeverityOrOff;
  target: PolicyTarget;
  when?: JsonSchema;
  require: JsonSchema;
  message?: string;
  help?: string;
  /** The config file or pack that defines it (as shown to the user), for error messages. */
  source: string;
}

/**
 * Namespaced like `acme/gpu-pinned`: lowercase segments separated by `/`. The
 * namespace keeps policies apart from built-in rule ids, and since ids become
 * folder names under `test-policies`, no segment may be `.` or `..`.
 */
export const POLICY_ID = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)+$/;

/** The placeholders a policy message may use (filled in for each failure). */
export const MESSAGE_PLACEHOLDERS = ['name', 'target', 'path', 'detail', 'id', 'description'] as const;

const KEYS = new Set(['id', 'description', 'severity', 'target', 'when', 'require', 'message', 'help']);
const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/**
 * Check the `policies:` list of one config file or pack. Runs before the config
 * schema, so a broken policy is reported by its id with a reason, not as a
 * schema path. Throws InputError (exit 2).
 */
export function readPolicyDefinitions(value: unknown, source: string): PolicyDefinition[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InputError(`invalid config ${source}: policies: must be a list`);
  const seen = new Set<string>();
  return value.map((entry, index) => {
    const definition = readPolicy(entry, index, source);
    if (seen.has(definition.id)) throw policyError(source, index, definition.id, 'the id is used by an earlier policy in the same file');
    seen.add(definition.id);
    return definition;
  });
}

function readPolicy(entry: unknown, index: number, source: string): PolicyDefinition {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw policyError(source, index, undefined, 'must be a mapping');
  const written = entry as Record<string, unknown>;
  const id = typeof written.id === 'string' ? written.id : undefined;
  const fail = (reason: string) => policyError(source, index, id, reason);

  if (written.id === undefined) throw fail('id is missing');
  if (id === undefined) throw fail('id must be a string');
  if (!POLICY_ID.test(id)) {
    throw fail('id must be namespaced like acme/gpu-pinned (lowercase letters, digits, - and _, segments separated by /)');
  }
  const unknown = Object.keys(written).find((key) => !KEYS.has(key));
  if (unknown !== undefined) throw fail(`unknown key "${unknown}" (expected ${[...KEYS].join(', ')})`);

  const target = written.target ?? 'service';
  if (typeof target !== 'string' || !(POLICY_TARGETS as readonly string[]).includes(target)) {
    throw fail(`unknown target ${JSON.stringify(target)} (expected ${POLICY_TARGETS.join(', ')})`);
  }
  const severity = written.severity ?? 'error';
  if (typeof severity !== 'string' || !SEVERITIES.has(severity)) throw fail(`severity must be one of off, info, warning, error`);
  if (written.require === undefined) throw fail('require is missing (the JSON Schema each target must satisfy)');
  if (!isSchema(written.require)) throw fail('require must be a JSON Schema (a mapping, or true/false)');
  if (written.when !== undefined && !isSchema(written.when)) throw fail('when must be a JSON Schema (a mapping, or true/false)');
  for (const key of ['description', 'message'] as const) {
    const text = written[key];
    if (text !== undefined && (typeof text !== 'string' || text.trim() === '')) throw fail(`${key} must be a non-empty string`);
  }
  if (typeof written.message === 'string') {
    const unknownPlaceholder = [...written.message.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)]
      .map((match) => match[1])
      .find((name) => !(MESSAGE_PLACEHOLDERS as readonly string[]).includes(name));
    if (unknownPlaceholder !== undefined) {
      throw fail(`message uses {{${unknownPlaceholder}}}, which is not one of ${MESSAGE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}`);
    }
  }
  if (written.help !== undefined && !isWebUrl(written.help)) throw fail('help must be an http(s) URL');

  return {
    id,
    description: written.description as string | undefined,
    severity: severity as SeverityOrOff,
    target: target as PolicyTarget,
    when: written.when as JsonSchema | undefined,
    require: written.require as JsonSchema,
    message: written.message as string | undefined,
    help: written.help as string | undefined,
    source,
  };
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'boolean' || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

function isWebUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** `invalid config FILE: policy ID (policies.N): REASON`: the id when there is one, always the index. */
export function policyError(source: string, index: number | undefined, id: string | undefined, reason: string): InputError {
  const where = index === undefined ? '' : `policies.${index}`;
  // An id that is not well formed may hold anything: quote it.
  const shownId = id === undefined ? undefined : POLICY_ID.test(id) ? id : JSON.stringify(id);
  const name = shownId !== undefined ? `policy ${shownId}${where ? ` (${where})` : ''}` : `policy ${where}`;
  return new InputError(`invalid config ${source}: ${name}: ${reason}`);
}
