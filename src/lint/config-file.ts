import { InputError } from '../load/input-error.ts';
import { displayPath, readTextFile } from '../load/read-file.ts';
import validateConfigSchema from '../validate/generated/config-schema.js';
import { readPolicyDefinitions, type PolicyDefinition } from './policies/policy-definition.ts';
import type { Severity, SeverityOrOff } from './rule-types.ts';
import { yamlPackage } from '../load/yaml-package.ts';

export interface RuleSetting {
  severity?: SeverityOrOff;
  options?: Record<string, unknown>;
}

/** One config file or policy pack as written (after validation). */
export interface WrittenConfig {
  /** Presets and pack paths, in the order they apply. */
  extends?: string | string[];
  'fail-on'?: Severity;
  rules?: Record<string, SeverityOrOff | RuleSetting>;
  ignore?: string[];
  policies?: unknown[];
  datastores?: string[];
}

export interface ConfigFile {
  config: WrittenConfig;
  /** Its `policies:`, checked. */
  policies: PolicyDefinition[];
}

/** Read, parse and validate one config file or pack (YAML, or JSON by extension). */
export function readConfigFile(path: string, cwd: string): ConfigFile {
  const shown = displayPath(path, cwd);
  const text = readTextFile(path, 'config file');
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : yamlPackage().parse(text, { prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`invalid config ${shown}: it is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${reason})`);
  }
  if (data === null || data === undefined) return { config: {}, policies: [] };
  // Policies first: their errors name the policy, where the schema could only give a path.
  const policies = isRecord(data) ? readPolicyDefinitions(data.policies, shown) : [];
  if (!validateConfigSchema(data)) {
    const error = validateConfigSchema.errors?.[0];
    const where = error?.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : 'top level';
    const extra = error?.params && 'additionalProperty' in error.params ? ` "${String(error.params.additionalProperty)}"` : '';
    const allowed = error?.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
    throw new InputError(`invalid config ${shown}: ${where}: ${error?.message ?? 'does not match the schema'}${extra}${allowed}`);
  }
  return { config: data as WrittenConfig, policies };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
