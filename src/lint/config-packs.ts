import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { InputError } from '../load/input-error.ts';
import { setOwn } from '../load/nodes.ts';
import { displayPath } from '../load/read-file.ts';
import { readConfigFile, type RuleSetting, type WrittenConfig } from './config-file.ts';
import type { PolicyDefinition } from './policies/policy-definition.ts';
import { PRESETS, type Preset } from './presets.ts';
import type { Severity, SeverityOrOff } from './rule-types.ts';

/** A config file or a pack it extends, in the order they apply. */
export interface ConfigLayer {
  path: string;
  config: WrittenConfig;
  policies: PolicyDefinition[];
}

/** The config file merged over its packs (the preset aside: readConfigLayers finds it). */
export interface MergedConfig {
  'fail-on'?: Severity;
  rules: Record<string, RuleSetting>;
  /** Which file set each rule's setting last (absolute path), for error messages. */
  ruleSources: Record<string, string>;
  ignore: string[];
  datastores?: string[];
  policies: PolicyDefinition[];
}

/**
 * The config file and every pack it extends, depth first: a file's `extends`
 * entries apply in order before the file itself, so later entries override
 * earlier ones and the file overrides its packs. The preset is the last one
 * named anywhere in the chain. Packs are local files only (relative to the
 * file that names them); nothing is fetched or run.
 */
export function readConfigLayers(path: string, cwd: string): { preset?: Preset; layers: ConfigLayer[] } {
  const out: { preset?: Preset; layers: ConfigLayer[] } = { layers: [] };
  visit(path, [], cwd, out);
  return out;
}

function visit(path: string, chain: string[], cwd: string, out: { preset?: Preset; layers: ConfigLayer[] }): void {
  const real = realPath(path);
  const shown = displayPath(path, cwd);
  const { config, policies } = readConfigFile(path, cwd);
  const entries = config.extends === undefined ? [] : Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const entry of entries) {
    if ((PRESETS as readonly string[]).includes(entry)) {
      out.preset = entry as Preset;
      continue;
    }
    const pack = packPath(entry, path, shown, cwd);
    const packReal = realPath(pack);
    const stack = [...chain, real];
    if (stack.includes(packReal)) {
      const cycle = [...stack.slice(stack.indexOf(packReal)), packReal].map((file) => displayPath(file, cwd)).join(' -> ');
      throw new InputError(`invalid config ${shown}: extends: ${entry} makes a cycle (${cycle})`);
    }
    visit(pack, stack, cwd, out);
  }
  out.layers.push({ path, config, policies });
}

/** Where a pack entry points; anything that is not a local path is refused with the reason. */
function packPath(entry: string, from: string, shown: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    throw new InputError(`invalid config ${shown}: extends: ${entry}: packs are local files, nothing is fetched (copy it into the repository)`);
  }
  // A bare word is a misspelt preset, never a file: pack paths start with ./ or ../ (or are absolute).
  if (!/^\.\.?[/\\]/.test(entry) && !isAbsolute(entry)) {
    throw new InputError(`invalid config ${shown}: extends: must be equal to one of the allowed values (${PRESETS.join(', ')})`);
  }
  const path = resolve(dirname(from), entry);
  if (!existsSync(path)) throw new InputError(`invalid config ${shown}: extends: policy pack not found: ${displayPath(path, cwd)}`);
  return path;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Later layers win: a rule's severity and options each replace the earlier
 * ones (options as a whole, never merged key by key), a policy replaces the
 * earlier policy with its id, `fail-on` is the last one set, and `ignore` and
 * `datastores` add up.
 */
export function mergeLayers(layers: readonly ConfigLayer[]): MergedConfig {
  const merged: MergedConfig = { rules: {}, ruleSources: {}, ignore: [], policies: [] };
  const policies = new Map<string, PolicyDefinition>();
  for (const { path, config, policies: defined } of layers) {
    if (config['fail-on'] !== undefined) merged['fail-on'] = config['fail-on'];
    for (const [id, setting] of Object.entries(config.rules ?? {})) {
      const written: RuleSetting = typeof setting === 'string' ? { severity: setting as SeverityOrOff } : setting;
      const next: RuleSetting = { ...(Object.hasOwn(merged.rules, id) ? merged.rules[id] : {}) };
      if (written.severity !== undefined) next.severity = written.severity;
      if (written.options !== undefined) next.options = written.options;
      // setOwn: `rules: { __proto__: off }` must stay a key, to be refused as an unknown rule.
      setOwn(merged.rules, id, next);
      setOwn(merged.ruleSources, id, path);
    }
    merged.ignore.push(...(config.ignore ?? []));
    if (config.datastores) merged.datastores = [...new Set([...(merged.datastores ?? []), ...config.datastores])];
    for (const policy of defined) {
      // Deleting first puts a replaced policy where its last definition is.
      policies.delete(policy.id);
      policies.set(policy.id, policy);
    }
  }
  merged.policies = [...policies.values()];
  return merged;
}
