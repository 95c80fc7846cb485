import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.ts';

/** The schema rule alone, so each case shows where one bad value is reported. */
const CONFIG = { '.compose-lint.yaml': 'extends: none\nrules:\n  schema: error\n  undefined-variable: warning\n' };

function findings(dir: string, args: string[] = []) {
  const result = runCli(['check', '--format', 'json', ...args], dir);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).findings.map((f: Record<string, unknown>) => ({
    ruleId: f.ruleId,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    service: f.service,
  }));
}

describe('findings point at the text the user wrote', () => {
  it('after merging -f files: the override file and line', () => {
    const dir = makeProject({
      ...CONFIG,
      'compose.yaml': 'services:\n  api:\n    image: api:1\n    restart: always\n',
      'ops/prod.yaml': 'services:\n  api:\n    deploy:\n      replicas: lots\n',
    });
    expect(findings(dir, ['-f', 'compose.yaml', '-f', 'ops/prod.yaml'])).toEqual([
      { ruleId: 'schema', file: 'ops/prod.yaml', line: 4, column: 17, endLine: 4, endColumn: 21, service: 'api' },
    ]);
  });

  it('after extends from another file: the extended file and line', () => {
    const dir = makeProject({
      ...CONFIG,
      'compose.yaml': 'services:\n  api:\n    extends:\n      file: common/base.yaml\n      service: base\n    image: api:1\n',
      'common/base.yaml': 'services:\n  base:\n    restart: sometimes\n',
    });
    expect(findings(dir, ['compose.yaml'])).toEqual([
      { ruleId: 'schema', file: 'common/base.yaml', line: 3, column: 14, endLine: 3, endColumn: 23, service: 'api' },
    ]);
  });

  it('after include: the included file and line', () => {
    const dir = makeProject({
      ...CONFIG,
      'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  api:\n    image: api:1\n',
      'db/compose.yaml': 'services:\n  db:\n    image: postgres:16\n    restart: sometimes\n',
    });
    expect(findings(dir, ['compose.yaml'])).toEqual([
      { ruleId: 'schema', file: 'db/compose.yaml', line: 4, column: 14, endLine: 4, endColumn: 23, service: 'db' },
    ]);
  });

  it('through a YAML anchor: where the literal is written', () => {
    const dir = makeProject({
      ...CONFIG,
      'compose.yaml': 'x-common: &common\n  restart: sometimes\nservices:\n  api:\n    <<: *common\n    image: api:1\n',
    });
    expect(findings(dir, ['compose.yaml'])).toEqual([
      { ruleId: 'schema', file: 'compose.yaml', line: 2, column: 12, endLine: 2, endColumn: 21, service: 'api' },
    ]);
  });

  it('after interpolation: the value that was interpolated, and the variable itself', () => {
    const dir = makeProject({
      ...CONFIG,
      'compose.yaml': 'services:\n  api:\n    image: api:1\n    restart: "${POLICY:-sometimes}"\n    command: ["run", "$MODE"]\n',
    });
    expect(findings(dir, ['compose.yaml'])).toEqual([
      { ruleId: 'schema', file: 'compose.yaml', line: 4, column: 14, endLine: 4, endColumn: 36, service: 'api' },
      { ruleId: 'undefined-variable', file: 'compose.yaml', line: 5, column: 23, endLine: 5, endColumn: 28, service: 'api' },
    ]);
  });
});
