import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

/**
 * An include, an extends `file:`, an env_file or a symlink can name any file on the
 * machine, and compose-lint reads it as compose would. Its text never reaches the
 * output: code frames are shown only for files inside the repository (the working
 * folder here), and messages quote keys and masked values, not lines.
 */
const SHADOW = 'root:$6$Qx7mVb3kHq9$Tz4pLwR8nYc:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n';
const DOCKER_CONFIG = '{"auths": {"ghcr.io": {"auth": "Qx7dXNlcjpwYXNzd29yZA"}}, "credsStore": "Qx7osxkeychainZ"}\n';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'compose-lint-outside-'));
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside/shadow'), SHADOW);
  writeFileSync(join(root, 'outside/config.json'), DOCKER_CONFIG);
  const dir = join(root, 'project');
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'compose.yaml'),
    [
      'include:',
      '  - ../outside/shadow',
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    extends: {file: ../outside/config.json, service: auths}',
      '    env_file: ../outside/shadow',
      '',
    ].join('\n'),
  );
  // The override is a symlink inside the project to a file outside it.
  symlinkSync('../outside/config.json', join(dir, 'compose.override.yaml'));
  return dir;
}

describe('files outside the repository are read, never shown', () => {
  it.each(['text', 'json', 'sarif', 'github'])('--format %s', (format) => {
    const dir = project();
    const result = runCli(['check', '--no-color', '--format', format], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('Qx7');
    expect(result.stderr).not.toContain('Qx7');
  });

  it('findings in them keep their place and message', () => {
    const dir = project();
    const json = JSON.parse(runCli(['check', '--format', 'json'], dir).stdout) as { findings: { ruleId: string; file: string; line: number }[] };
    expect(json.findings).toContainEqual(expect.objectContaining({ ruleId: 'schema', file: 'compose.override.yaml', line: 1 }));
  });
});
