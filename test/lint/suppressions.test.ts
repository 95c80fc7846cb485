import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.ts';

/** Two rules with easy triggers: privileged (no-privileged) and an untagged image (image-tag-pinned). */
const CONFIG = 'extends: none\nrules:\n  no-privileged: error\n  image-tag-pinned: warning\n  unused-suppression: info\n';

function lint(compose: string, extraArgs: string[] = []) {
  const dir = makeProject({ 'compose.yaml': compose, '.compose-lint.yaml': CONFIG });
  const result = runCli(['check', '--format', 'json', ...extraArgs], dir);
  expect(result.stderr).toBe('');
  const json = JSON.parse(result.stdout);
  return {
    found: json.findings.map((f: { ruleId: string; line: number; column: number }) => `${f.line}:${f.column} ${f.ruleId}`),
    messages: json.findings.map((f: { message: string }) => f.message),
    suppressed: json.summary.suppressed as number,
    code: result.code,
  };
}

describe('inline suppressions', () => {
  it('disable-next-line suppresses the named rule on the next line only', () => {
    const result = lint(`services:
  app:
    image: app
    # compose-lint disable-next-line no-privileged -- needs raw devices
    privileged: true
  other:
    image: other:1
    privileged: true
`);
    expect(result.found).toEqual(['3:12 image-tag-pinned', '8:17 no-privileged']);
    expect(result.suppressed).toBe(1);
  });

  it('disable-line suppresses on its own line, several rules at once', () => {
    const result = lint(`services:
  app:
    image: app   # compose-lint disable-line image-tag-pinned, no-privileged
    privileged: true
`);
    // The image finding is suppressed; privileged sits on the next line, so that half is unused.
    expect(result.found).toEqual(['3:18 unused-suppression', '4:17 no-privileged']);
    expect(result.suppressed).toBe(1);
  });

  it('disable ... enable covers the block between them', () => {
    const result = lint(`services:
  # compose-lint disable no-privileged
  a:
    image: a:1
    privileged: true
  # compose-lint enable no-privileged
  b:
    image: b:1
    privileged: true
`);
    expect(result.found).toEqual(['9:17 no-privileged']);
  });

  it('disable-file suppresses everything in the file', () => {
    const result = lint(`# compose-lint disable-file
services:
  a:
    image: a
    privileged: true
`);
    expect(result.found).toEqual([]);
    expect(result.suppressed).toBe(2);
    expect(result.code).toBe(0);
  });

  it('a # inside a quoted string is not a comment', () => {
    const result = lint(`services:
  a:
    image: a:1
    command: "echo # compose-lint disable-line no-privileged"
    privileged: true
`);
    expect(result.found).toEqual(['5:17 no-privileged']);
  });

  it('reports a suppression that suppresses nothing, and one naming an unknown rule', () => {
    const result = lint(`services:
  a:
    image: a:1 # compose-lint disable-line no-privileged
    # compose-lint disable-next-line no-such-rule
    restart: always
`);
    expect(result.found).toEqual(['3:16 unused-suppression', '4:5 unused-suppression']);
    expect(result.messages).toEqual([
      'This suppression of no-privileged suppresses nothing here; remove it.',
      'This suppression names no-such-rule, which is not a compose-lint rule; fix the id or remove it.',
    ]);
    expect(result.code).toBe(0);
  });

  it('--no-inline-suppressions turns comments off', () => {
    const result = lint(
      `services:
  a:
    image: a:1
    privileged: true # compose-lint disable-line no-privileged
`,
      ['--no-inline-suppressions'],
    );
    expect(result.found).toEqual(['4:17 no-privileged']);
    expect(result.suppressed).toBe(0);
  });
});

describe('x-compose-lint on services', () => {
  it('ignores the named rule for that service only, and reports unused entries', () => {
    const result = lint(`services:
  a:
    image: a
    privileged: true
    x-compose-lint:
      ignore:
        no-privileged: "a hardware test rig"
        image-digest: "not enabled, so never judged unused"
  b:
    image: b:1
    privileged: true
    x-compose-lint:
      ignore: { image-tag-pinned: "pinned elsewhere" }
`);
    expect(result.found).toEqual(['3:12 image-tag-pinned', '11:17 no-privileged', '13:17 unused-suppression']);
    expect(result.suppressed).toBe(1);
  });
});

describe('configuration', () => {
  it('--rule on the command line wins over the config file', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  a:\n    image: a:1\n    privileged: true\n', '.compose-lint.yaml': CONFIG });
    expect(runCli(['check', '--rule', 'no-privileged=off'], dir).code).toBe(0);
    expect(runCli(['check', '--rule', 'no-privileged=warning'], dir).code).toBe(0);
    expect(runCli(['check', '--rule', 'no-privileged=warning', '--fail-on', 'warning'], dir).code).toBe(1);
  });

  it('fail-on from the config file', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  a:\n    image: a\n' });
    writeFileSync(join(dir, '.compose-lint.yaml'), 'extends: none\nfail-on: warning\nrules:\n  image-tag-pinned: warning\n');
    expect(runCli(['check'], dir).code).toBe(1);
  });

  it('the config is found in a parent folder; -c names another', () => {
    const dir = makeProject({
      'project/compose.yaml': 'services:\n  a:\n    image: a\n',
      '.compose-lint.yaml': 'extends: none\nrules:\n  image-tag-pinned: error\n',
      'quiet.json': '{"extends": "none"}',
    });
    expect(runCli(['check'], join(dir, 'project')).code).toBe(1);
    expect(runCli(['check', '-c', '../quiet.json'], join(dir, 'project')).code).toBe(0);
  });

  it('ignore globs skip projects', () => {
    const dir = makeProject({
      'apps/a/compose.yaml': 'services:\n  a:\n    image: a\n',
      'examples/b/compose.yaml': 'services:\n  b:\n    image: b\n',
      '.compose-lint.yaml': 'extends: none\nrules:\n  image-tag-pinned: error\nignore: ["examples/**"]\n',
    });
    const json = JSON.parse(runCli(['check', '--format', 'json', '.'], dir).stdout);
    expect(json.projects).toEqual([{ files: ['apps/a/compose.yaml'] }]);
  });

  it('strict raises severities and turns on rules that are off', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  a:\n    image: a:1\n', '.compose-lint.yaml': 'extends: strict\n' });
    const json = JSON.parse(runCli(['check', '--format', 'json'], dir).stdout);
    const bySeverity = Object.fromEntries(json.findings.map((f: { ruleId: string; severity: string }) => [f.ruleId, f.severity]));
    expect(bySeverity['image-digest']).toBe('warning');
    expect(bySeverity['healthcheck']).toBe('error');
    expect(bySeverity['read-only-root-fs']).toBe('warning');
  });

  it('rule options are validated against the rule schema (exit 2 naming the key)', () => {
    const dir = makeProject({
      'compose.yaml': 'services:\n  a:\n    image: a:1\n',
      '.compose-lint.yaml': 'rules:\n  allowed-registries: { severity: error, options: { registires: [] } }\n',
    });
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^compose-lint: invalid config \.compose-lint\.yaml: rules\.allowed-registries\.options: must NOT have additional properties "registires"\n$/);
  });
});

describe('top-level datastores', () => {
  it('extends the datastore rules with more images', () => {
    const compose = 'services:\n  cache:\n    image: acme/fastkv:2\n';
    const dir = makeProject({ 'compose.yaml': compose, '.compose-lint.yaml': 'extends: none\nrules:\n  internal-backend-network: warning\n' });
    expect(JSON.parse(runCli(['check', '--format', 'json'], dir).stdout).findings).toEqual([]);
    writeFileSync(join(dir, '.compose-lint.yaml'), 'extends: none\nrules:\n  internal-backend-network: warning\ndatastores: [fastkv]\n');
    const findings = JSON.parse(runCli(['check', '--format', 'json'], dir).stdout).findings;
    expect(findings.map((f: { ruleId: string; line: number }) => `${f.line} ${f.ruleId}`)).toEqual(['2 internal-backend-network']);
  });
});

describe('rule options holding regular expressions', () => {
  it('an invalid pattern is a config error, exit 2', () => {
    const dir = makeProject({
      'compose.yaml': 'services:\n  a:\n    image: a:1\n',
      '.compose-lint.yaml': "rules:\n  required-labels: { options: { labels: [{ name: team, pattern: '([' }] } }\n",
    });
    const result = runCli(['check'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('compose-lint: invalid config .compose-lint.yaml: rules.required-labels.options.labels.0.pattern: must match format "regex"\n');
  });
});
