import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { GENERATED, write } from './generated.ts';

export const CASES_DIR = resolve(import.meta.dirname, 'cases');
export const HOSTILE_CONFIG = resolve(import.meta.dirname, 'hostile-config.yaml');

/** What a run gave: the exit code, `rule@[file:]line:col` per finding (JSON output) or the one stderr line. */
export interface Outcome {
  exit: number | null;
  findings?: string[];
  stderr?: string;
}

/** Materialise a case in a fresh folder: a committed file (as compose.yaml), a committed folder, or a generated one. */
export function materialise(name: string, root = mkdtempSync(join(tmpdir(), 'compose-lint-hostile-'))): string {
  const dir = join(root, name);
  const committed = join(CASES_DIR, name);
  if (GENERATED[name]) GENERATED[name](dir);
  else if (existsSync(`${committed}.yaml`)) write(dir, 'compose.yaml', readFileSync(`${committed}.yaml`));
  else if (existsSync(committed) && statSync(committed).isDirectory()) cpSync(committed, dir, { recursive: true });
  else throw new Error(`no hostile case ${name}`);
  return dir;
}

/** Run the built CLI on a case folder: with its own config file when it has one, else the hostile rule set. */
export function runCase(dir: string, extraArgs: string[] = []): Outcome {
  const ownConfig = ['.compose-lint.yaml', '.compose-lint.json'].some((name) => existsSync(join(dir, name)));
  const args = ['check', '.', '--format', 'json', ...(ownConfig ? [] : ['-c', HOSTILE_CONFIG]), ...extraArgs];
  const result = runCli(args, dir);
  const outcome: Outcome = { exit: result.code };
  if (result.stdout.trim() !== '') {
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; line: number; column: number }[] };
    // The file is named when it is not the case's compose.yaml.
    outcome.findings = report.findings.map((f) => `${f.ruleId}@${f.file === 'compose.yaml' ? '' : `${f.file}:`}${f.line}:${f.column}`);
  }
  if (result.stderr !== '') outcome.stderr = result.stderr;
  return outcome;
}
