import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, it, describe } from 'vitest';
import { loadProject } from '../load/project.ts';
import { validateProject } from '../validate/validate-project.ts';
import { lintProject } from './engine.ts';
import type { Finding } from './finding.ts';
import { formatMessage } from './messages.ts';
import type { RuleModule, Severity } from './rule-types.ts';

export interface RuleTestCase {
  /** Test name; defaults to the first line of the code. */
  name?: string;
  /** The compose file (compose.yaml) under test. */
  code: string;
  /** Other files of the project (`.env`, `secrets/db.txt`, `.gitignore`, ...), relative to it. */
  files?: Record<string, string>;
  options?: Record<string, unknown>;
  /** Environment variables the loader sees (the process environment is not used). */
  env?: Record<string, string>;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Placeholder data; when given the full message is compared. */
  data?: Record<string, string | number>;
  service?: string;
}

export interface InvalidCase extends RuleTestCase {
  errors: ExpectedError[];
}

/** Run one rule on a case written to a temporary folder; returns its findings. */
export function runRule(rule: RuleModule, testCase: RuleTestCase): Finding[] {
  const dir = mkdtempSync(join(tmpdir(), 'compose-lint-rule-'));
  try {
    const composePath = join(dir, 'compose.yaml');
    writeFileSync(composePath, testCase.code);
    for (const [name, text] of Object.entries(testCase.files ?? {})) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
    const project = loadProject({ files: [composePath], workingDir: dir }, { processEnv: testCase.env ?? {} });
    project.diagnostics.push(...validateProject(project));
    const severity: Severity = rule.meta.severity === 'off' ? 'warning' : rule.meta.severity;
    const options = { ...(rule.meta.defaults ?? {}), ...(testCase.options ?? {}) };
    const result = lintProject(project, [{ rule, severity, options }], {
      cwd: dir,
      inlineSuppressions: false,
      knownRuleIds: new Set([rule.meta.id]),
    });
    return result.findings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** ESLint-style tester: `valid` cases give no finding, `invalid` ones exactly the listed errors. */
export function testRule(rule: RuleModule, cases: { valid: (RuleTestCase | string)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const raw of cases.valid) {
      const testCase = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid: ${testCase.name ?? firstLine(testCase.code)}`, () => {
        expect(runRule(rule, testCase).map(summarise)).toEqual([]);
      });
    }
    for (const testCase of cases.invalid) {
      it(`invalid: ${testCase.name ?? firstLine(testCase.code)}`, () => {
        const findings = runRule(rule, testCase);
        const actual = findings.map((finding, i) => {
          const wanted = testCase.errors[i];
          return {
            messageId: messageIdOf(rule, finding, wanted),
            line: finding.line,
            column: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
            ...(wanted?.data ? { message: finding.message } : {}),
            ...(wanted?.service ? { service: finding.service } : {}),
          };
        });
        const expected = testCase.errors.map((error) => ({
          messageId: error.messageId,
          line: error.line,
          column: error.column,
          endLine: error.endLine,
          endColumn: error.endColumn,
          ...(error.data ? { message: formatMessage(rule.meta.messages[error.messageId] ?? '', error.data) } : {}),
          ...(error.service ? { service: error.service } : {}),
        }));
        expect(actual).toEqual(expected);
      });
    }
  });
}

/** Findings carry the message text; recover which messageId produced it for comparison. */
function messageIdOf(rule: RuleModule, finding: Finding, wanted: ExpectedError | undefined): string {
  const ids = Object.keys(rule.meta.messages);
  if (wanted && ids.includes(wanted.messageId) && matchesTemplate(rule.meta.messages[wanted.messageId], finding.message)) return wanted.messageId;
  return ids.find((id) => matchesTemplate(rule.meta.messages[id], finding.message)) ?? `<${finding.message}>`;
}

function matchesTemplate(template: string, message: string): boolean {
  const pattern = template
    .split(/\{\{\s*[\w-]+\s*\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${pattern}$`).test(message);
}

function summarise(finding: Finding): string {
  return `${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`;
}

function firstLine(code: string): string {
  return code.trim().split('\n').slice(0, 3).join(' | ').slice(0, 80);
}
