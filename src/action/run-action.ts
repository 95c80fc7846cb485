import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lintForReport, type CheckOptions } from '../cli/check.ts';
import { formatterFor } from '../report/formatters.ts';
import { InputError } from '../load/input-error.ts';
import { escapeData } from '../report/github.ts';
import { expandFiles } from './files.ts';
import { readInputs, type Env } from './inputs.ts';
import { summaryMarkdown, type JsonReport } from './summary.ts';
import { appendStepSummary, setOutput } from './workflow-files.ts';

/**
 * The GitHub Action: lint once with the CLI's own pipeline, write the SARIF file,
 * print the chosen format and the annotations, set the outputs and the step summary.
 * `workspace` is the folder the runner starts the action in (GITHUB_WORKSPACE).
 * Returns the exit code: 1 for findings at or above fail-on, 2 when the run itself failed.
 */
export async function runAction(env: Env, workspace: string, write: (text: string) => void): Promise<number> {
  try {
    const inputs = readInputs(env);
    const cwd = resolve(workspace, inputs.workingDirectory);
    if (!isDirectory(cwd)) throw new InputError(`working-directory is not a folder: ${inputs.workingDirectory}`);
    const { paths, unmatched } = expandFiles(inputs.files, cwd);
    for (const glob of unmatched) write(`::warning title=compose-lint::${escapeData(`files pattern ${glob} matched no file`)}\n`);

    const options: Omit<CheckOptions, 'format'> = {
      file: [],
      envFile: [],
      profile: [],
      config: inputs.config,
      failOn: inputs.failOn,
      rule: [],
      inlineSuppressions: true,
      quiet: false,
      color: false,
    };
    // One lint pass; each output is a formatting of the same result.
    const { input, exitCode } = lintForReport(paths, options, { cwd, env });
    const format = async (name: string, color = false) => (await formatterFor(name))({ ...input, color });

    const report = JSON.parse(await format('json')) as JsonReport;
    const sarifFile = resolve(workspace, inputs.sarifFile);
    mkdirSync(dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, await format('sarif'));

    // The Actions log renders ANSI colours; NO_COLOR still wins.
    if (inputs.format !== 'github' || !inputs.annotations) write(await format(inputs.format, !env.NO_COLOR));
    if (inputs.annotations) write(await format('github'));

    setOutput(env, 'sarif-file', sarifFile);
    setOutput(env, 'error-count', String(report.summary.error));
    setOutput(env, 'warning-count', String(report.summary.warning));
    appendStepSummary(env, summaryMarkdown(report, cwd));
    return exitCode;
  } catch (error) {
    const reason = error instanceof InputError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)} (please report it)`;
    write(`::error title=compose-lint::${escapeData(`compose-lint: ${reason.split('\n')[0]}`)}\n`);
    return 2;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
