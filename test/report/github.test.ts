import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/finding.ts';
import { formatGithub } from '../../src/report/github.ts';
import type { ReportInput } from '../../src/report/report-input.ts';
import { makeProject, runCli } from '../helpers/cli.ts';

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: 'no-privileged',
    severity: 'error',
    message: 'Service "web" runs privileged.',
    file: 'compose.yaml',
    line: 4,
    column: 17,
    endLine: 4,
    endColumn: 21,
    fixable: false,
    absolutePath: '/nowhere/compose.yaml',
    ...overrides,
  };
}

function format(findings: Finding[], cwd = '/nowhere'): string {
  const input: ReportInput = { results: [], findings, suppressedCount: 0, enabledRules: [], cwd, color: false };
  return formatGithub(input);
}

describe('--format github', () => {
  it('writes one workflow command per finding, as the contract spells it', () => {
    expect(format([finding({})])).toBe(
      '::error file=compose.yaml,line=4,col=17,endLine=4,endColumn=21,title=no-privileged::Service "web" runs privileged.\n',
    );
  });

  it('maps severities to error, warning and notice', () => {
    const out = format([finding({ severity: 'error' }), finding({ severity: 'warning' }), finding({ severity: 'info' })]);
    expect(out.split('\n').filter(Boolean).map((line) => line.split(' ')[0])).toEqual(['::error', '::warning', '::notice']);
  });

  it('escapes what the runner would read as syntax', () => {
    const out = format([
      finding({
        message: '100% sure:\r\nline two, still one command',
        file: 'odd,dir/a:b%c.yaml',
        absolutePath: '/nowhere/odd,dir/a:b%c.yaml',
      }),
    ]);
    expect(out).toBe(
      '::error file=odd%2Cdir/a%3Ab%25c.yaml,line=4,col=17,endLine=4,endColumn=21,title=no-privileged::100%25 sure:%0D%0Aline two, still one command\n',
    );
    expect(out.split('\n')).toHaveLength(2);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(format([])).toBe('');
  });

  it('comes out of the built CLI, one line per finding, exit code by fail-on', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n' });
    const result = runCli(['check', '--format', 'github'], dir);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=compose\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::\S/);
    expect(lines).toContain(
      '::error file=compose.yaml,line=4,col=17,endLine=4,endColumn=21,title=no-privileged::Service "web" runs privileged, with every capability and access to all host devices, so escaping to the host is trivial; remove `privileged: true` and grant only the capabilities (cap_add) or devices it needs.',
    );
  });

  it('names files from the repository root, where GitHub places annotations', () => {
    const repo = makeProject({ 'deploy/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n' });
    mkdirSync(join(repo, '.git'));
    const result = runCli(['check', '--format', 'github', 'compose.yaml'], join(repo, 'deploy'));
    const files = new Set(result.stdout.split('\n').filter(Boolean).map((line) => /file=([^,]*)/.exec(line)?.[1]));
    expect([...files]).toEqual(['deploy/compose.yaml']);
  });
});
