import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUserConfig, parseRuleOverrides, resolveRules } from '../../src/lint/config.ts';
import type { Finding } from '../../src/lint/finding.ts';
import { ALL_RULES } from '../../src/lint/generated/rule-index.ts';
import { InputError } from '../../src/load/input-error.ts';
import { makeProject } from '../helpers/cli.ts';
import { lintFile } from '../helpers/lint-files.ts';

/** One service body that many per-service rules flag; `NAME` is replaced by each service's name. */
const SERVICE = `    image: nginx
    privileged: true
    environment:
      __proto__: x
      DB_PASSWORD: hunter2hunter2
    labels:
      __proto__: y
    volumes:
      - ./conf:/etc/nginx
`;

/** A service's findings as rule id and message, its own name written NAME. */
function findingsOf(findings: Finding[], service: string): string[] {
  return findings
    .filter((finding) => finding.service === service)
    .map((finding) => `${finding.ruleId}: ${finding.message.replaceAll(service, 'NAME')}`)
    .sort();
}

describe('names that are Object.prototype properties', () => {
  it('a service named __proto__ (or constructor) gets the same findings as any other service', () => {
    const names = ['web', '__proto__', 'constructor'];
    const dir = makeProject({ 'compose.yaml': `services:\n${names.map((name) => `  ${name}:\n${SERVICE}`).join('')}`, 'conf/nginx.conf': '' });
    const { findings } = lintFile(join(dir, 'compose.yaml'));
    const web = findingsOf(findings, 'web');
    expect(web).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-privileged: /), expect.stringMatching(/^no-hardcoded-secrets: /), expect.stringMatching(/^read-only-mounts: /)]),
    );
    expect(findingsOf(findings, '__proto__')).toEqual(web);
    expect(findingsOf(findings, 'constructor')).toEqual(web);
    expect(findings.filter((finding) => finding.ruleId === 'schema')).toEqual([]);
  });

  it('${__proto__} and ${constructor} are variables like others: unset, not Object.prototype members', () => {
    const dir = makeProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    command: ["${__proto__}", "${constructor}", "${toString}"]\n' });
    const { findings } = lintFile(join(dir, 'compose.yaml'));
    expect(findings.filter((finding) => finding.ruleId === 'undefined-variable').map((finding) => `${finding.line}:${finding.column}`)).toEqual(['4:16', '4:32', '4:50']);
  });

  it('a rule id __proto__ is an unknown rule, in the config and in --rule, not silently dropped', () => {
    expect(() => resolveRules(ALL_RULES, {}, parseRuleOverrides(['__proto__=off']))).toThrow(new InputError('invalid --rule __proto__: unknown rule'));
    const dir = makeProject({ '.compose-lint.yaml': 'rules:\n  __proto__: off\n' });
    expect(() => resolveRules(ALL_RULES, loadUserConfig(dir), {})).toThrow(/: rules\.__proto__: unknown rule$/);
  });
});
