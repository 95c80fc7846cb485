import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../load/input-error.ts';
import { displayPath, readTextFile } from '../load/read-file.ts';
import validateConfigSchema from '../validate/generated/config-schema.js';
import type { EnabledRule } from './engine.ts';
import { presetSeverity, type Preset } from './presets.ts';
import type { RuleModule, Severity, SeverityOrOff } from './rule-types.ts';
import { validateRuleOptions } from './rule-options.ts';

export const CONFIG_FILE_NAMES = ['.compose-lint.yaml', '.compose-lint.yml', '.compose-lint.json'];

export interface RuleSetting {
  severity?: SeverityOrOff;
  options?: Record<string, unknown>;
}

/** The config file as written (after validation). */
export interface UserConfig {
  path?: string;
  extends?: Preset;
  'fail-on'?: Severity;
  rules?: Record<string, SeverityOrOff | RuleSetting>;
  ignore?: string[];
  policies?: unknown[];
  datastores?: string[];
}

/** `-c FILE`, else the nearest config file from the working directory upward. */
export function loadUserConfig(cwd: string, explicitPath?: string): UserConfig {
  const path = explicitPath ? resolve(cwd, explicitPath) : findConfigFile(cwd);
  if (!path) return {};
  const shown = displayPath(path, cwd);
  const text = readTextFile(path, 'config file');
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { prettyErrors: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`invalid config ${shown}: it is not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${reason})`);
  }
  if (data === null || data === undefined) return { path };
  if (!validateConfigSchema(data)) {
    const error = validateConfigSchema.errors?.[0];
    const where = error?.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : 'top level';
    const extra = error?.params && 'additionalProperty' in error.params ? ` "${String(error.params.additionalProperty)}"` : '';
    const allowed = error?.params && 'allowedValues' in error.params ? ` (${(error.params.allowedValues as unknown[]).join(', ')})` : '';
    throw new InputError(`invalid config ${shown}: ${where}: ${error?.message ?? 'does not match the schema'}${extra}${allowed}`);
  }
  return { ...(data as UserConfig), path };
}

function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The rules to run and how: preset, then the config file's `rules`, then
 * `--rule ID=LEVEL` from the command line.
 */
export function resolveRules(rules: RuleModule[], config: UserConfig, cliOverrides: Record<string, SeverityOrOff>): EnabledRule[] {
  const byId = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const where = config.path ? `config ${displayPath(config.path)}` : 'config';
  for (const id of Object.keys(config.rules ?? {})) {
    if (!byId.has(id)) throw new InputError(`invalid ${where}: rules.${id}: unknown rule${suggestRule(id, byId)}`);
  }
  for (const id of Object.keys(cliOverrides)) {
    if (!byId.has(id)) throw new InputError(`invalid --rule ${id}: unknown rule${suggestRule(id, byId)}`);
  }
  const preset = config.extends ?? 'recommended';
  const enabled: EnabledRule[] = [];
  for (const rule of rules) {
    const id = rule.meta.id;
    const setting = config.rules?.[id];
    const written = typeof setting === 'string' ? { severity: setting } : setting;
    let severity = written?.severity ?? presetSeverity(rule.meta, preset);
    // Configuring a policy rule's options is what turns it on.
    if (!written?.severity && written?.options && severity === 'off') severity = rule.meta.severity === 'off' ? 'warning' : rule.meta.severity;
    if (cliOverrides[id]) severity = cliOverrides[id];
    if (severity === 'off') continue;
    const options: Record<string, unknown> = { ...(rule.meta.defaults ?? {}), ...(written?.options ?? {}) };
    // The top-level `datastores:` list extends every rule that recognises datastores.
    if (config.datastores && Array.isArray(options.datastores)) options.datastores = [...(options.datastores as string[]), ...config.datastores];
    if (written?.options) validateRuleOptions(rule, options, where);
    enabled.push({ rule, severity, options });
  }
  return enabled;
}

function suggestRule(id: string, byId: Map<string, RuleModule>): string {
  const close = [...byId.keys()].find((known) => known.includes(id) || id.includes(known));
  return close ? ` (did you mean ${close}?)` : '';
}

/** `--rule ID=LEVEL` values. */
export function parseRuleOverrides(values: string[]): Record<string, SeverityOrOff> {
  const out: Record<string, SeverityOrOff> = {};
  for (const value of values) {
    const match = /^([\w/-]+)=(off|info|warning|error)$/.exec(value.trim());
    if (!match) throw new InputError(`invalid --rule ${value}: expected ID=off|info|warning|error`);
    out[match[1]] = match[2] as SeverityOrOff;
  }
  return out;
}
