import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/cli/check.ts';
import { InputError } from '../../src/load/input-error.ts';
import { decodeText } from '../../src/load/read-file.ts';
import { sarifSchemaErrors } from '../helpers/sarif-schema.ts';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface PipelineRun {
  /** Exit code the CLI would give: runCheck's result, or 2 for an InputError. */
  exit: number;
  outputs: Partial<Record<Format, string>>;
  /** The one-line reason of an exit 2. */
  error?: string;
  /** What the run wrote to stderr (a rule that threw says so there). */
  stderr: string;
}

const OPTIONS: CheckOptions = {
  file: [],
  envFile: [],
  profile: [],
  format: 'text',
  rule: [],
  inlineSuppressions: true,
  quiet: false,
  color: false,
};

/**
 * The whole `check` pipeline in-process (what the CLI runs after parsing its
 * arguments), once per output format. Anything thrown but an InputError is a
 * crash the CLI would report as an internal error: it fails the property.
 */
export async function runPipeline(cwd: string, paths: string[], options: Partial<CheckOptions> = {}): Promise<PipelineRun> {
  const run: PipelineRun = { exit: -1, outputs: {}, stderr: '' };
  const originalWrite = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    run.stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    for (const format of FORMATS) {
      let output = '';
      let exit: number;
      try {
        exit = await runCheck(paths, { ...OPTIONS, ...options, format }, { cwd, env: {}, write: (text) => (output += text) });
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        exit = 2;
        run.error = error.message;
      }
      if (run.exit !== -1 && run.exit !== exit) throw new Error(`exit ${exit} with --format ${format}, ${run.exit} before`);
      run.exit = exit;
      if (exit !== 2) run.outputs[format] = output;
    }
  } finally {
    process.stderr.write = originalWrite;
  }
  return run;
}

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The file's lines as findings count them: LF, CRLF and lone CR end a line; a BOM is no column. */
function linesOf(path: string): string[] {
  const text = decodeText(readFileSync(path), path).replace(/^\ufeff/, '');
  return text.split(/\r\n|\r|\n/);
}

/** The invariants of issue 8 for one run: a known exit code, parseable reports, positions inside the files. */
export function expectSound(run: PipelineRun, cwd: string, label: string): void {
  expect([0, 1, 2], label).toContain(run.exit);
  expect(run.stderr, label).toBe('');
  if (run.exit === 2) {
    expect(run.error, label).toBeDefined();
    expect(run.error!.includes('\n'), label).toBe(false);
    return;
  }
  const json = JSON.parse(run.outputs.json!) as { findings: JsonFinding[] };
  const sarif = JSON.parse(run.outputs.sarif!) as { runs: { results: unknown[] }[] };
  expect(sarifSchemaErrors(sarif), label).toEqual([]);
  expect(sarif.runs[0].results.length, label).toBe(json.findings.length);

  const lines = new Map<string, string[]>();
  for (const finding of json.findings) {
    const where = `${label}: ${finding.ruleId} at ${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
    if (!lines.has(finding.file)) lines.set(finding.file, linesOf(join(cwd, finding.file)));
    const fileLines = lines.get(finding.file)!;
    expect(finding.line >= 1 && finding.line <= fileLines.length, where).toBe(true);
    expect(finding.column >= 1 && finding.column <= fileLines[finding.line - 1].length + 1, where).toBe(true);
    expect(finding.endLine >= finding.line && finding.endLine <= fileLines.length, where).toBe(true);
    expect(finding.endColumn >= 1 && finding.endColumn <= fileLines[finding.endLine - 1].length + 1, where).toBe(true);
    if (finding.endLine === finding.line) expect(finding.endColumn >= finding.column, where).toBe(true);
  }

  // Text reaches a terminal: no control character but newline and tab.
  expect(run.outputs.text!, label).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  const github = run.outputs.github!.split('\n').filter(Boolean);
  expect(github.length, label).toBe(json.findings.length);
  for (const line of github) {
    expect(line, label).toMatch(/^::(error|warning|notice) file=[^,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\r\n]*$/);
  }
}
