import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../load/input-error.ts';
import { setOwn } from '../load/nodes.ts';
import { displayPath } from '../load/read-file.ts';
import type { RuleSetting } from './config-file.ts';
import { mergeLayers, readConfigLayers } from './config-packs.ts';
import type { EnabledRule } from './engine.ts';
import { compilePolicies } from './policies/load-policies.ts';
import { presetSeverity, type Preset } from './presets.ts';
import type { RuleModule, Severity, SeverityOrOff } from './rule-types.ts';
import { validateRuleOptions } from './rule-options.ts';

export type { RuleSetting } from './config-file.ts';

export const CONFIG_FILE_NAMES = ['.compose-lint.yaml', '.compose-lint.yml', '.compose-lint.json'];

/** The effective config: the file merged over the packs it extends. */
export interface UserConfig {
  path?: string;
  /** The preset rule severities start from. */
  extends?: Preset;
  'fail-on'?: Severity;
  rules?: Record<string, SeverityOrOff | RuleSetting>;
  /** Which file set each rule's setting (absolute path), when a pack did. */
  ruleSources?: Record<string, string>;
  ignore?: string[];
  /** The custom policies (config file and packs), as rules. */
  policies?: RuleModule[];
  datastores?: string[];
}

/** `-c FILE` (relative to cwd), else the nearest config file from `searchFrom` (default cwd) upward. */
export function loadUserConfig(cwd: string, explicitPath?: string, searchFrom = cwd): UserConfig {
  const path = explicitPath ? resolve(cwd, explicitPath) : findConfigFile(searchFrom);
  if (!path) return {};
  const { preset, layers } = readConfigLayers(path, cwd);
  const { policies, ...merged } = mergeLayers(layers);
  const config: UserConfig = { ...merged, path };
  if (preset) config.extends = preset;
  // Schemas are compiled only when there are policies: most runs never build a validator.
  if (policies.length > 0) config.policies = compilePolicies(policies);
  return config;
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
 * The rules to run and how: preset, then the config's `rules` (packs, then the
 * file), then `--rule ID=LEVEL` from the command line. The config's custom
 * policies run beside the built-in rules, at their own severity whatever the
 * preset: a policy someone wrote down is meant to apply.
 */
export function resolveRules(rules: RuleModule[], config: UserConfig, cliOverrides: Record<string, SeverityOrOff>): EnabledRule[] {
  const policies = new Set(config.policies ?? []);
  const all = [...rules, ...policies];
  const byId = new Map(all.map((rule) => [rule.meta.id, rule]));
  const whereFor = (id: string) => {
    const path = config.ruleSources?.[id] ?? config.path;
    return path ? `config ${displayPath(path)}` : 'config';
  };
  for (const id of Object.keys(config.rules ?? {})) {
    if (!byId.has(id)) throw new InputError(`invalid ${whereFor(id)}: rules.${id}: unknown rule${suggestRule(id, byId)}`);
  }
  for (const id of Object.keys(cliOverrides)) {
    if (!byId.has(id)) throw new InputError(`invalid --rule ${id}: unknown rule${suggestRule(id, byId)}`);
  }
  const preset = config.extends ?? 'recommended';
  const enabled: EnabledRule[] = [];
  for (const rule of all) {
    const id = rule.meta.id;
    const setting = config.rules?.[id];
    const written = typeof setting === 'string' ? { severity: setting } : setting;
    let severity = written?.severity ?? (policies.has(rule) ? rule.meta.severity : presetSeverity(rule.meta, preset));
    // Configuring a policy rule's options is what turns it on.
    if (!written?.severity && written?.options && severity === 'off') severity = rule.meta.severity === 'off' ? 'warning' : rule.meta.severity;
    if (cliOverrides[id]) severity = cliOverrides[id];
    if (severity === 'off') continue;
    const options: Record<string, unknown> = { ...(rule.meta.defaults ?? {}), ...(written?.options ?? {}) };
    // The top-level `datastores:` list extends every rule that recognises datastores.
    if (config.datastores && Array.isArray(options.datastores)) options.datastores = [...(options.datastores as string[]), ...config.datastores];
    // A policy rule switched on without options would enforce nothing: say what it needs.
    if (written?.options || rule.meta.requiresOptions) validateRuleOptions(rule, options, whereFor(id));
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
    setOwn(out, match[1], match[2] as SeverityOrOff);
  }
  return out;
}
