import { statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { loadUserConfig, resolveRules } from '../lint/config.ts';
import type { EnabledRule } from '../lint/engine.ts';
import { ALL_RULES } from '../lint/generated/rule-index.ts';
import { exampleFolderIds, findExamples, runExample, type ExampleResult } from '../lint/policies/policy-examples.ts';
import { InputError } from '../load/input-error.ts';
import { displayPath } from '../load/read-file.ts';
import { terminalSafe } from '../report/terminal-safe.ts';

export interface TestPoliciesOptions {
  config?: string;
}

export interface TestPoliciesIO {
  cwd: string;
  write(text: string): void;
}

interface Row {
  status: 'ok' | 'FAIL' | 'none';
  policy: string;
  example: string;
  note: string;
}

/**
 * `compose-lint test-policies [DIR]`: every policy of the config found from DIR
 * (custom policies, and built-in policy rules it configures) against the
 * examples kept in `DIR/<policy-id>/pass/` and `fail/`. Returns the exit code:
 * 1 when an example fails or example folders name no policy.
 */
export function runTestPolicies(dirArgument: string | undefined, options: TestPoliciesOptions, io: TestPoliciesIO): number {
  const dir = resolve(io.cwd, dirArgument ?? '.');
  if (!isDirectory(dir)) throw new InputError(`not a folder: ${displayPath(dir, io.cwd)}`);
  const config = loadUserConfig(io.cwd, options.config, dir);
  if (!config.path) throw new InputError(`no config file found in ${displayPath(dir, io.cwd)} or its parents: test-policies tests the policies a config defines`);
  // Every custom policy is tested, also those the config switches off.
  const forceOn = Object.fromEntries((config.policies ?? []).map((rule) => [rule.meta.id, 'error' as const]));
  const policies = resolveRules(ALL_RULES, config, forceOn).filter((entry) => entry.rule.meta.tags.includes('policy'));
  if (policies.length === 0) {
    throw new InputError(`no policies to test: ${displayPath(config.path, io.cwd)} defines no policy and configures no policy rule`);
  }

  const rows: Row[] = [];
  for (const entry of policies) rows.push(...testPolicy(entry, dir, io.cwd));
  const known = new Set(policies.map((entry) => entry.rule.meta.id));
  for (const id of exampleFolderIds(dir).filter((folder) => !known.has(folder))) {
    rows.push({ status: 'FAIL', policy: id, example: '', note: `examples for a policy the config does not define (${displayPath(join(dir, ...id.split('/')), io.cwd)})` });
  }
  io.write(formatTable(rows, policies.length));
  return rows.some((row) => row.status === 'FAIL') ? 1 : 0;
}

function testPolicy(entry: EnabledRule, dir: string, cwd: string): Row[] {
  const policy = entry.rule.meta.id;
  const examples = findExamples(dir, policy);
  if (examples.length === 0) return [{ status: 'none', policy, example: '', note: `no examples (add ${policy}/pass/*.yaml and ${policy}/fail/*.yaml)` }];
  const base = join(dir, ...policy.split('/'));
  return examples.map((example) => {
    const shown = relative(base, example.path).split(sep).join('/');
    let result: ExampleResult;
    try {
      result = runExample(example, entry, cwd);
    } catch (error) {
      // An unreadable example fails its own row; the other examples still run.
      if (!(error instanceof InputError)) throw error;
      result = { ok: false, lines: [], reason: error.message };
    }
    if (!result.ok) return { status: 'FAIL', policy, example: shown, note: result.reason ?? '' };
    const note = result.lines.length > 0 ? `${result.lines.length === 1 ? 'line' : 'lines'} ${result.lines.join(', ')}` : '';
    return { status: 'ok', policy, example: shown, note };
  });
}

function formatTable(rows: Row[], policyCount: number): string {
  const policyWidth = Math.max(6, ...rows.map((row) => row.policy.length));
  const exampleWidth = Math.max(7, ...rows.map((row) => row.example.length));
  const lines = [`${'RESULT'.padEnd(6)}  ${'POLICY'.padEnd(policyWidth)}  ${'EXAMPLE'.padEnd(exampleWidth)}  NOTE`];
  for (const row of rows) {
    // Folder names come from disk: nothing may reach the terminal as a control sequence.
    lines.push(terminalSafe(`${row.status.padEnd(6)}  ${row.policy.padEnd(policyWidth)}  ${row.example.padEnd(exampleWidth)}  ${row.note}`.trimEnd()));
  }
  const examples = rows.filter((row) => row.example !== '');
  const failed = rows.filter((row) => row.status === 'FAIL').length;
  const untested = rows.filter((row) => row.status === 'none').length;
  const summary = [
    `${policyCount} ${policyCount === 1 ? 'policy' : 'policies'}, ${examples.length} ${examples.length === 1 ? 'example' : 'examples'}`,
    `${failed === 0 ? 'all passed' : `${failed} failed`}`,
    ...(untested > 0 ? [`${untested} without examples`] : []),
  ];
  return `${lines.join('\n')}\n\n${summary.join(', ')}.\n`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
