import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../helpers/cli.ts';

/**
 * compose-lint only reads. A project whose compose files, env files, Dockerfile and
 * YAML tags try every way to get something run is linted from a copy; a preloaded
 * audit (audit-preload.cjs) records every file write, process start and network use,
 * and the tree is hashed before and after. The only write is the -o report.
 */
const FIXTURE = resolve(import.meta.dirname, 'fixtures/readonly');
const AUDIT = resolve(import.meta.dirname, 'audit-preload.cjs');

interface AuditEvent {
  kind: 'write' | 'exec' | 'network';
  detail: string;
}

/** Path -> content hash (or link target) of everything under `root`, folders included. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const name = relative(root, path);
      const stat = lstatSync(path);
      if (entry.isSymbolicLink()) out.set(name, `link ${readlinkSync(path)}`);
      else if (entry.isDirectory()) {
        out.set(name, `dir ${stat.mode}`);
        walk(path);
      } else out.set(name, `${stat.mode} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(root);
  return out;
}

function audited(args: string[], cwd: string, home: string): { code: number | null; events: AuditEvent[]; stdout: string } {
  const log = join(home, '..', 'audit.log');
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--require', AUDIT, '--', CLI, ...args], {
    cwd,
    // HOME and TMPDIR point at empty folders, so a cache or temp file anywhere would show.
    env: { PATH: process.env.PATH ?? '', HOME: home, TMPDIR: home, COMPOSE_LINT_AUDIT_LOG: log },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const events = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditEvent);
  return { code: result.status, events, stdout: result.stdout };
}

function setup(): { project: string; home: string } {
  const root = mkdtempSync(join(tmpdir(), 'compose-lint-readonly-'));
  const project = join(root, 'project');
  cpSync(FIXTURE, project, { recursive: true });
  const home = join(root, 'home');
  mkdirSync(home);
  return { project, home };
}

describe('reading is all it does', () => {
  it('check in every format: no write, no process, no network; the tree and HOME unchanged', () => {
    const { project, home } = setup();
    const before = snapshot(project);
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const run = audited(['check', '--format', format], project, home);
      expect(run.code, format).toBe(1);
      expect(run.stdout.length, format).toBeGreaterThan(0);
      expect(run.events, format).toEqual([]);
    }
    expect(snapshot(project)).toEqual(before);
    expect(readdirSync(home)).toEqual([]);
    expect(readdirSync(project).filter((name) => name.startsWith('pwned'))).toEqual([]);
  });

  it('-o writes that one file and nothing else', () => {
    const { project, home } = setup();
    const before = snapshot(project);
    const run = audited(['check', '--format', 'sarif', '-o', 'out/report.sarif'], project, home);
    expect(run.code).toBe(2); // the folder out/ does not exist, and is not created
    expect(run.events.map((event) => event.kind)).toEqual(['write']);
    mkdirSync(join(project, 'out'));
    const written = audited(['check', '--format', 'sarif', '-o', 'out/report.sarif'], project, home);
    expect(written.code).toBe(1);
    expect(written.events).toEqual([{ kind: 'write', detail: join(project, 'out/report.sarif') }]);
    const after = snapshot(project);
    expect([...after.keys()].filter((name) => !before.has(name)).sort()).toEqual(['out', join('out', 'report.sarif')]);
    for (const [name, hash] of before) expect(after.get(name), name).toBe(hash);
    expect(readdirSync(home)).toEqual([]);
  });

  it('config and the other commands only read too', () => {
    const { project, home } = setup();
    const before = snapshot(project);
    for (const args of [['config'], ['config', '--format', 'json'], ['config', '--variables'], ['rules'], ['explain', 'no-privileged']]) {
      const run = audited(args, project, home);
      expect([0, 1], args.join(' ')).toContain(run.code);
      expect(run.events, args.join(' ')).toEqual([]);
    }
    expect(snapshot(project)).toEqual(before);
    expect(existsSync(join(project, 'pwned-by-js'))).toBe(false);
  });
});
