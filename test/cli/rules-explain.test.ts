import { describe, expect, it } from 'vitest';
import { makeProject, runCli } from '../helpers/cli.ts';

describe('compose-lint rules', () => {
  it('lists every rule with id, default severity, tags and description as JSON', () => {
    const result = runCli(['rules', '--format', 'json'], makeProject({}));
    expect(result.code).toBe(0);
    const rules = JSON.parse(result.stdout) as { id: string; severity: string; tags: string[]; description: string }[];
    const byId = new Map(rules.map((rule) => [rule.id, rule]));
    expect(byId.get('no-hardcoded-secrets')).toMatchObject({ severity: 'error', tags: expect.arrayContaining(['security']) });
    expect(byId.get('image-digest')?.severity).toBe('off');
    expect(byId.get('undefined-variable')?.severity).toBe('warning');
    for (const rule of rules) expect(rule.description, rule.id).toMatch(/\S/);
  });

  it('prints a text table, one rule per line', () => {
    const result = runCli(['rules'], makeProject({}));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no-privileged\s+error\s+security\S*\s+/m);
  });
});

describe('compose-lint explain', () => {
  it("prints the rule's documentation with a bad and a good example", () => {
    const result = runCli(['explain', 'no-privileged'], makeProject({}));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# no-privileged/);
    expect(result.stdout).toMatch(/## Bad/);
    expect(result.stdout).toMatch(/## Good/);
  });

  it('exits 2 for an unknown rule with a suggestion', () => {
    const result = runCli(['explain', 'privileged'], makeProject({}));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('compose-lint: unknown rule privileged (did you mean no-privileged?); run compose-lint rules for the list\n');
  });
});
