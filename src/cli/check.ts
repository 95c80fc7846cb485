import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_RULES } from '../lint/generated/rule-index.ts';
import { loadUserConfig, parseRuleOverrides, resolveRules } from '../lint/config.ts';
import { lintProject, type LintResult } from '../lint/engine.ts';
import { compareFindings, severityAtLeast, type Finding } from '../lint/finding.ts';
import { matchesGlob } from '../lint/path-glob.ts';
import type { Severity } from '../lint/rule-types.ts';
import { discoverProjects, type ProjectSpec } from '../load/discover.ts';
import { InputError } from '../load/input-error.ts';
import { loadProject } from '../load/project.ts';
import { displayPath } from '../load/read-file.ts';
import { createFileFacts } from '../lint/file-facts.ts';
import { validateProject } from '../validate/validate-project.ts';
import { formatterFor } from '../report/formatters.ts';
import type { ReportInput } from '../report/report-input.ts';
import { stageTimes } from '../perf/stage-times.ts';
import { writeStd } from '../stdio.ts';

export interface CheckOptions {
  file: string[];
  envFile: string[];
  profile: string[];
  format: string;
  output?: string;
  config?: string;
  failOn?: string;
  rule: string[];
  inlineSuppressions: boolean;
  quiet: boolean;
  color: boolean;
}

export interface CheckIO {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  write(text: string): void;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** `compose-lint check`: load -> validate -> lint -> report. Returns the exit code. */
export async function runCheck(paths: string[], options: CheckOptions, io: CheckIO): Promise<number> {
  stageTimes?.started();
  const formatter = await formatterFor(options.format);
  const { input, exitCode } = lintForReport(paths, options, io);
  const formatStart = stageTimes?.now();
  const text = formatter(input);
  if (stageTimes) {
    stageTimes.add('format', formatStart!);
    void writeStd(2, stageTimes.line(input.results.reduce((sum, result) => sum + result.project.configFiles.length, 0)));
  }
  if (options.output) {
    try {
      writeFileSync(resolve(io.cwd, options.output), text);
    } catch (error) {
      throw new InputError(`cannot write ${options.output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  } else io.write(text);
  return exitCode;
}

/**
 * Everything of `check` but the formatting: the report input and the exit code.
 * The GitHub Action formats one such result several ways.
 */
export function lintForReport(paths: string[], options: Omit<CheckOptions, 'format'>, io: Omit<CheckIO, 'write'>): { input: ReportInput; exitCode: number } {
  const config = loadUserConfig(io.cwd, options.config);
  const failOn = (options.failOn ?? config['fail-on'] ?? 'error') as Severity;
  if (!SEVERITIES.includes(failOn)) throw new InputError(`invalid --fail-on ${options.failOn}: expected error, warning or info`);
  const enabled = resolveRules(ALL_RULES, config, parseRuleOverrides(options.rule));
  // Suppressions may name the config's policies as well as built-in rules.
  const knownRuleIds = new Set([...ALL_RULES, ...(config.policies ?? [])].map((rule) => rule.meta.id));

  const specs = discoverProjects({ cwd: io.cwd, paths, files: options.file, composeFileVariable: io.env.COMPOSE_FILE }).filter(
    (spec) => !isIgnored(spec, config.ignore ?? [], io.cwd),
  );
  const envFiles = options.envFile.length > 0 ? options.envFile.map((file) => resolve(io.cwd, file)) : undefined;
  const files = createFileFacts();
  const results: LintResult[] = [];
  for (const spec of specs) {
    let start = stageTimes?.now();
    const project = loadProject(spec, {
      envFiles,
      profiles: options.profile.length > 0 ? options.profile : undefined,
      processEnv: io.env,
    });
    if (start) start = stageTimes?.add('load', start);
    project.diagnostics.push(...validateProject(project));
    if (start) start = stageTimes?.add('validate', start);
    results.push(lintProject(project, enabled, { cwd: io.cwd, inlineSuppressions: options.inlineSuppressions, knownRuleIds, files }));
    if (start) stageTimes?.add('rules', start);
  }

  let findings: Finding[] = results.flatMap((result) => result.findings);
  if (options.quiet) findings = findings.filter((finding) => finding.severity === 'error');
  findings.sort(compareFindings);
  const input: ReportInput = {
    results,
    findings,
    suppressedCount: results.reduce((sum, result) => sum + result.suppressed.length, 0),
    enabledRules: enabled,
    cwd: io.cwd,
    color: options.color && !options.output,
  };
  return { input, exitCode: findings.some((finding) => severityAtLeast(finding.severity, failOn)) ? 1 : 0 };
}

/** `ignore:` globs from the config match a project's files relative to the working directory. */
function isIgnored(spec: ProjectSpec, globs: string[], cwd: string): boolean {
  if (globs.length === 0) return false;
  return spec.files.every((file) => globs.some((glob) => matchesGlob(displayPath(file, cwd), glob)));
}
