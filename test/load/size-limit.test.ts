import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';

describe('a compose file too large to parse', () => {
  it('is reported as a yaml-syntax problem, not parsed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-lint-size-'));
    const service = (i: number) => `  svc-${i}:\n    image: nginx:1.27.2\n    environment:\n      PADDING: "${'x'.repeat(200)}"\n`;
    const services = Array.from({ length: 17_000 }, (_, i) => service(i)).join('');
    writeFileSync(join(dir, 'compose.yaml'), `services:\n${services}`);
    const project = loadProject({ files: [join(dir, 'compose.yaml')], workingDir: dir }, { processEnv: {} });
    expect(project.root).toBeNull();
    expect(project.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'yaml-syntax', message: expect.stringMatching(/^The file is 4\.\d MB, larger than the 4 MB compose-lint reads/) }),
    ]);
  });

  it('is not confused with a large real one (1 MB parses)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compose-lint-size-'));
    const services = Array.from({ length: 1_500 }, (_, i) => `  svc-${i}:\n    image: nginx:1.27.2\n    command: ["${'y'.repeat(600)}"]\n`).join('');
    writeFileSync(join(dir, 'compose.yaml'), `services:\n${services}`);
    const project = loadProject({ files: [join(dir, 'compose.yaml')], workingDir: dir }, { processEnv: {} });
    expect(project.diagnostics.filter((d) => d.ruleId === 'yaml-syntax')).toEqual([]);
    expect(project.root).not.toBeNull();
  });
});
