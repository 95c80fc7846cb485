import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { commander } from './commander.ts';
import { ALL_RULES } from '../lint/generated/rule-index.ts';
import { lintProject, type EnabledRule, type LintResult } from '../lint/engine.ts';
import { compareFindings, type Finding } from '../lint/finding.ts';
import { createFileFacts } from '../lint/file-facts.ts';
import { reportLoadDiagnostics } from '../lint/load-diagnostic-rule.ts';
import type { RuleModule } from '../lint/rule-types.ts';
import type { LoadDiagnostic } from '../load/diagnostics.ts';
import { discoverProjects } from '../load/discover.ts';
import { InputError } from '../load/input-error.ts';
import { interpolate } from '../load/interpolate.ts';
import { setOwn, toPlain, type MapNode } from '../load/nodes.ts';
import { normalizeProject } from '../load/normalize.ts';
import { shapeProject, sortKeysDeep } from '../load/normalize-shape.ts';
import { applyProfiles } from '../load/profiles.ts';
import { loadProject, type LoadedProject } from '../load/project.ts';
import { imageNames, profileNames, resourceNames, serviceNames } from '../report/config-lists.ts';
import { collectVariables, formatVariablesJson, formatVariablesTable } from '../report/config-variables.ts';
import { formatComposeJson, formatComposeYaml } from '../report/config-yaml.ts';
import { formatText } from '../report/text.ts';
import { validateProject } from '../validate/validate-project.ts';

export interface ConfigOptions {
  file: string[];
  envFile: string[];
  profile: string[];
  format: string;
  interpolate: boolean;
  normalize: boolean;
  output?: string;
  services?: boolean;
  volumes?: boolean;
  networks?: boolean;
  images?: boolean;
  profiles?: boolean;
  variables?: boolean;
}

export interface ConfigIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  write(text: string): void;
}

const LIST_FLAGS = ['services', 'volumes', 'networks', 'images', 'profiles', 'variables'] as const;
type ListFlag = (typeof LIST_FLAGS)[number];

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerConfigCommand(program: Command, write: (text: string) => void, setExitCode: (code: number) => void): void {
  program
    .command('config')
    .argument('[paths...]', 'compose files or folders (default: the project here)')
    .description('print the project as compose sees it, like `docker compose config`')
    .option('-f, --file <file>', 'compose file; repeat to merge several into one project', collect, [])
    .option('--env-file <file>', 'env file to read instead of .env; repeatable', collect, [])
    .option('--profile <name>', 'profile to enable; repeatable (without it: COMPOSE_PROFILES, else only services without profiles)', collect, [])
    .addOption(new (commander().Option)('--format <format>', 'output format').choices(['yaml', 'json']).default('yaml'))
    .option('--no-interpolate', 'keep ${...} as written')
    .option('--no-normalize', 'print the merged model without the canonical rewrites')
    .option('--services', 'print the service names, one per line')
    .option('--volumes', 'print the volume names, one per line')
    .option('--networks', 'print the network names, one per line')
    .option('--images', 'print the image names, one per line')
    .option('--profiles', 'print the profile names, one per line')
    .option('--variables', 'print the variables the project uses, their defaults and where their values come from')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action((paths: string[], options: ConfigOptions) => {
      setExitCode(runConfig(paths, options, { cwd: process.cwd(), env: process.env, write }));
    });
}

interface PreparedProject {
  project: LoadedProject;
  /** The model after compose's profile selection. */
  root: MapNode | null;
  document: Record<string, unknown>;
  fatal: LintResult | undefined;
}

/** `compose-lint config`: load, refuse what compose refuses, print. Returns the exit code. */
export function runConfig(paths: string[], options: ConfigOptions, io: ConfigIO): number {
  const lists = LIST_FLAGS.filter((flag) => options[flag]);
  if (lists.length > 1) throw new InputError(`give only one of ${lists.map((flag) => `--${flag}`).join(', ')}`);
  const list: ListFlag | undefined = lists[0];

  const specs = discoverProjects({ cwd: io.cwd, paths, files: options.file, composeFileVariable: io.env.COMPOSE_FILE });
  const envFiles = options.envFile.length > 0 ? options.envFile.map((file) => resolve(io.cwd, file)) : undefined;
  // compose reads variables for --variables from the uninterpolated model, but they are only collected while interpolating.
  const interpolated = options.interpolate || list === 'variables';
  const prepared = specs.map((spec) => {
    const project = loadProject(spec, { envFiles, profiles: ['*'], processEnv: io.env, interpolate: interpolated });
    return prepare(project, options, io.cwd, interpolated && list !== 'variables');
  });

  const failed = prepared.filter((entry) => entry.fatal);
  if (failed.length > 0) {
    const results = failed.map((entry) => entry.fatal!);
    const findings = results.flatMap((result) => result.findings).sort(compareFindings);
    io.write(formatText({ results, findings, suppressedCount: 0, enabledRules: [], cwd: io.cwd, color: false }));
    return 1;
  }

  const rendered = prepared.map((entry) => render(entry, list, options, io.cwd));
  // Several projects (a folder of them): a YAML stream, or a JSON array.
  let output = rendered.join(list ? '' : '---\n');
  if (rendered.length > 1 && !list && options.format === 'json') output = jsonArray(rendered);
  if (options.output) {
    try {
      writeFileSync(resolve(io.cwd, options.output), output);
    } catch (error) {
      throw new InputError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  } else io.write(output);
  return 0;
}

function jsonArray(documents: string[]): string {
  return `[\n${documents.map((doc) => doc.trimEnd().replace(/^/gm, '  ')).join(',\n')}\n]\n`;
}

function prepare(project: LoadedProject, options: ConfigOptions, cwd: string, checkRequired: boolean): PreparedProject {
  const root = project.root ? applyProfiles(project.root, activeProfiles(project, options)) : null;
  const normalized = root
    ? normalizeProject(root, { name: project.name, lookup: project.env.lookup, foldEnvFiles: options.interpolate })
    : { document: { name: project.name, services: {} }, diagnostics: [] };
  const diagnostics = [
    ...project.diagnostics.filter((diagnostic) => LOADER_RULES.has(diagnostic.ruleId)),
    ...validateProject(project),
    ...normalized.diagnostics,
    ...(checkRequired ? missingRequiredVariables(project) : []),
  ];
  const fatal = fatalFindings({ ...project, root, diagnostics }, cwd, options.interpolate);
  return { project, root, document: normalized.document, fatal };
}

/** compose's selection: --profile, else COMPOSE_PROFILES (environment or .env), else only services without profiles. */
function activeProfiles(project: LoadedProject, options: ConfigOptions): string[] {
  if (options.profile.length > 0) return options.profile;
  const fromEnv = project.env.lookup('COMPOSE_PROFILES');
  return fromEnv ? fromEnv.split(',').map((name) => name.trim()).filter(Boolean) : [];
}

function render(entry: PreparedProject, list: ListFlag | undefined, options: ConfigOptions, cwd: string): string {
  const { project, document } = entry;
  const lines = (names: string[]) => names.map((name) => `${name}\n`).join('');
  switch (list) {
    case 'services':
      return lines(serviceNames(document));
    case 'volumes':
      return lines(resourceNames(document, 'volumes'));
    case 'networks':
      return lines(resourceNames(document, 'networks'));
    case 'images':
      return lines(imageNames(document, project.name));
    case 'profiles':
      return lines(profileNames(project.root));
    case 'variables': {
      const rows = collectVariables(project, cwd);
      return options.format === 'json' ? formatVariablesJson(rows) : formatVariablesTable(rows);
    }
  }
  let model: Record<string, unknown>;
  if (!options.normalize) model = mergedModel(entry.root, project.name);
  // Without interpolation compose prints its untyped model, every mapping sorted by key.
  else if (!options.interpolate) model = sortKeysDeep(document) as Record<string, unknown>;
  else model = shapeProject(document, { json: options.format === 'json' });
  const text = options.format === 'json' ? formatComposeJson(model) : formatComposeYaml(model);
  // An interpolated document escapes `$` so that reading it back gives the same values.
  return options.interpolate ? text.replaceAll('$', '$$$$') : text;
}

/** --no-normalize: the merged model as written, with the project name and without version or include. */
function mergedModel(root: MapNode | null, name: string): Record<string, unknown> {
  const model: Record<string, unknown> = { name };
  if (!root) return model;
  for (const [key, pair] of root.pairs) if (key !== 'version' && key !== 'include' && key !== 'name') setOwn(model, key, toPlain(pair.value));
  return model;
}

// ---- what makes compose refuse a project ---------------------------------------------

/** Problems the loader records that compose refuses the project for. */
const LOADER_RULES = new Set(['yaml-syntax', 'duplicate-key', 'schema', 'invalid-interpolation', 'env-file-syntax', 'missing-file', 'undefined-reference']);
/** Rules that read the model for references and dependency cycles compose refuses. */
const MODEL_RULES = new Set(['undefined-reference', 'depends-on-cycle']);
const REQUIRED_VARIABLE = 'undefined-variable';

/** `${VAR:?message}` with VAR unset: compose stops there. */
function missingRequiredVariables(project: LoadedProject): LoadDiagnostic[] {
  const out: LoadDiagnostic[] = [];
  const seen = new Set<string>();
  const results = new Map<unknown, ReturnType<typeof interpolate>>();
  for (const ref of project.variables) {
    if (!ref.required || ref.scalar.written === null) continue;
    let result = results.get(ref.scalar);
    if (!result) results.set(ref.scalar, (result = interpolate(ref.scalar.written, project.env.lookup)));
    const issue = result.issues.find((candidate) => candidate.kind === 'required' && candidate.variable === ref.name);
    const key = `${ref.loc.file.path}:${ref.loc.start}`;
    if (!issue || seen.has(key)) continue;
    seen.add(key);
    out.push({ ruleId: REQUIRED_VARIABLE, message: `${issue.message}; compose refuses the project until it is set.`, loc: ref.loc });
  }
  return out;
}

/**
 * The findings compose would refuse the project for, or undefined when it loads.
 * Uninterpolated names (`${DATA}:/data`) are not checked against the model.
 */
function fatalFindings(project: LoadedProject, cwd: string, interpolated: boolean): LintResult | undefined {
  const enabled: EnabledRule[] = [];
  for (const rule of ALL_RULES) {
    const id = rule.meta.id;
    if (MODEL_RULES.has(id) && (interpolated || id !== 'undefined-reference')) enabled.push({ rule, severity: 'error', options: { ...(rule.meta.defaults ?? {}) } });
    // The rest only report what loading found: missing-file's own checks (build contexts) are not compose's.
    else if (LOADER_RULES.has(id) || id === REQUIRED_VARIABLE) enabled.push({ rule: diagnosticsOnly(rule), severity: 'error', options: {} });
  }
  const result = lintProject(project, enabled, {
    cwd,
    inlineSuppressions: false,
    knownRuleIds: new Set(ALL_RULES.map((rule) => rule.meta.id)),
    files: createFileFacts(),
  });
  // A suppression comment does not make compose accept the project.
  const findings: Finding[] = [...result.findings, ...result.suppressed.map(({ suppression: _, ...finding }) => finding)].sort(compareFindings);
  return findings.length > 0 ? { project, findings, suppressed: [] } : undefined;
}

function diagnosticsOnly(rule: RuleModule): RuleModule {
  return { ...rule, meta: { ...rule.meta, messages: { ...rule.meta.messages, problem: '{{message}}' } }, create: reportLoadDiagnostics };
}
