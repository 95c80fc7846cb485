import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import containerNameConflict from '../../rules/container-name-conflict.ts';
import obsoleteVersion from '../../rules/obsolete-version.ts';
import rule from '../../rules/unused-suppression.ts';
import { lintProject } from '../../src/lint/engine.ts';
import type { RuleModule, Severity } from '../../src/lint/rule-types.ts';
import { loadProject } from '../../src/load/project.ts';

// The RuleTester turns inline suppressions off, so this rule is tested through the engine.
const enabled: RuleModule[] = [rule, obsoleteVersion, containerNameConflict];

function lint(code: string, inlineSuppressions = true) {
  const dir = mkdtempSync(join(tmpdir(), 'compose-lint-unused-'));
  try {
    const file = join(dir, 'compose.yaml');
    writeFileSync(file, code);
    const project = loadProject({ files: [file], workingDir: dir }, { processEnv: {} });
    const result = lintProject(
      project,
      enabled.map((entry) => ({ rule: entry, severity: entry.meta.severity as Severity, options: {} })),
      // `healthcheck` is a known rule that is switched off in this run.
      { cwd: dir, inlineSuppressions, knownRuleIds: new Set([...enabled.map((entry) => entry.meta.id), 'healthcheck']) },
    );
    const unused = result.findings
      .filter((finding) => finding.ruleId === 'unused-suppression')
      .map(({ message, line, column, endLine, endColumn, service, severity }) => ({ message, line, column, endLine, endColumn, service, severity }));
    return { unused, findings: result.findings, suppressed: result.suppressed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('unused-suppression', () => {
  it('meta follows the catalog', () => {
    expect(rule.meta.id).toBe('unused-suppression');
    expect(rule.meta.severity).toBe('info');
  });

  it('valid: a suppression that suppresses a finding', () => {
    const result = lint(`# compose-lint disable-next-line obsolete-version -- legacy tooling reads it
version: "3.8"
services:
  web:
    image: nginx
`);
    expect(result.unused).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((finding) => [finding.ruleId, finding.line, finding.suppression.reason])).toEqual([
      ['obsolete-version', 2, 'legacy tooling reads it'],
    ]);
  });

  it('valid: a suppression of a rule switched off in this run is not judged', () => {
    const result = lint(`services:
  web:
    image: nginx # compose-lint disable-line healthcheck
`);
    expect(result.unused).toEqual([]);
  });

  it('valid: an x-compose-lint ignore that is used', () => {
    const result = lint(`services:
  a:
    image: x
    container_name: app
  b:
    image: x
    container_name: app
    x-compose-lint:
      ignore:
        container-name-conflict: "a is never started with b"
`);
    expect(result.unused).toEqual([]);
    expect(result.suppressed.map((finding) => finding.ruleId)).toEqual(['container-name-conflict']);
  });

  it('invalid: a disable-next-line that suppresses nothing, and an unknown rule id', () => {
    const result = lint(`# compose-lint disable-next-line obsolete-version
services:
  web:
    image: nginx  # compose-lint disable-line healthcheck, no-such-rule
`);
    expect(result.unused).toEqual([
      {
        message: rule.meta.messages.unused.replace('{{rule}}', 'obsolete-version'),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 50,
        service: undefined,
        severity: 'info',
      },
      {
        message: rule.meta.messages.unknownRule.replace('{{rule}}', 'no-such-rule'),
        line: 4,
        column: 19,
        endLine: 4,
        endColumn: 72,
        service: undefined,
        severity: 'info',
      },
    ]);
  });

  it('invalid: an unused disable-file and an unused x-compose-lint ignore', () => {
    const result = lint(`# compose-lint disable-file
services:
  web:
    image: nginx
    x-compose-lint:
      ignore:
        container-name-conflict: "unique"
`);
    expect(result.unused).toEqual([
      {
        message: rule.meta.messages.unusedAll.replace('{{rule}}', 'every rule'),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 28,
        service: undefined,
        severity: 'info',
      },
      {
        message: rule.meta.messages.unused.replace('{{rule}}', 'container-name-conflict'),
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 32,
        service: 'web',
        severity: 'info',
      },
    ]);
  });

  it('invalid: a disable block that is never used, closed by enable', () => {
    const result = lint(`# compose-lint disable obsolete-version
services:
  web:
    image: nginx
# compose-lint enable obsolete-version
`);
    expect(result.unused.map(({ line, column, endColumn }) => [line, column, endColumn])).toEqual([[1, 1, 40]]);
  });

  it('inline directives are ignored with --no-inline-suppressions', () => {
    const result = lint(
      `# compose-lint disable-next-line obsolete-version
version: "3.8"
services:
  web:
    image: nginx
`,
      false,
    );
    expect(result.unused).toEqual([]);
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['obsolete-version']);
  });
});
