import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.ts';
import { toPlain } from '../../src/load/nodes.ts';
import { makeProject } from '../helpers/cli.ts';

function load(files: Record<string, string>, main = ['compose.yaml'], options: Parameters<typeof loadProject>[1] = {}) {
  const dir = makeProject(files);
  const project = loadProject({ files: main.map((f) => join(dir, f)), workingDir: dir }, { processEnv: {}, ...options });
  return {
    dir,
    project,
    plain: toPlain(project.root) as Record<string, Record<string, unknown>>,
    diagnostics: project.diagnostics.map((d) => `${d.ruleId}: ${d.message}`),
  };
}

describe('include', () => {
  it('adds the included project resources, interpolated with its own folder .env', () => {
    const { plain, diagnostics } = load({
      'compose.yaml': 'include:\n  - db/compose.yaml\nservices:\n  api:\n    image: api:${TAG}\n',
      '.env': 'TAG=main\n',
      'db/compose.yaml': 'services:\n  db:\n    image: postgres:${PG}\nvolumes:\n  data: {}\n',
      'db/.env': 'PG=16\n',
    });
    expect(diagnostics).toEqual([]);
    expect(plain.services).toEqual({ api: { image: 'api:main' }, db: { image: 'postgres:16' } });
    expect(plain.volumes).toEqual({ data: {} });
  });

  it('long syntax: path list, project_directory and env_file', () => {
    const { plain } = load({
      'compose.yaml': 'include:\n  - path: [parts/a.yaml, parts/b.yaml]\n    env_file: parts/vars.env\n',
      'parts/a.yaml': 'services:\n  a:\n    image: a:${V}\n',
      'parts/b.yaml': 'services:\n  a:\n    restart: always\n',
      'parts/vars.env': 'V=7\n',
    });
    expect(plain.services).toEqual({ a: { image: 'a:7', restart: 'always' } });
  });

  it('a resource defined on both sides is a conflict', () => {
    const { diagnostics } = load({
      'compose.yaml': 'include:\n  - other.yaml\nservices:\n  web:\n    image: a:1\n',
      'other.yaml': 'services:\n  web:\n    image: b:1\n',
    });
    expect(diagnostics).toEqual([
      'duplicate-key: services.web is also defined by the included file other.yaml; compose refuses the conflict, so rename or remove one.',
    ]);
  });

  it('a missing included file is a missing-file finding', () => {
    const { diagnostics } = load({ 'compose.yaml': 'include:\n  - nope.yaml\nservices: {}\n' });
    expect(diagnostics).toEqual(['missing-file: Included compose file nope.yaml does not exist; compose refuses the project until it does.']);
  });

  it('an include cycle is reported, not followed forever', () => {
    const { diagnostics } = load({
      'compose.yaml': 'include:\n  - a/compose.yaml\nservices: {}\n',
      'a/compose.yaml': 'include:\n  - ../compose.yaml\nservices:\n  a:\n    image: a:1\n',
    });
    expect(diagnostics).toEqual(['undefined-reference: Including ../compose.yaml again creates an include cycle; compose refuses it.']);
  });
});

describe('profiles', () => {
  const files = {
    'compose.yaml': 'services:\n  app:\n    image: app:1\n  debug:\n    image: dbg:1\n    profiles: [debug]\n  tools:\n    image: t:1\n    profiles: [tools, ops]\n',
  };
  const services = (options: Parameters<typeof loadProject>[1]) => Object.keys(load(files, undefined, options).plain.services);

  it('without --profile every service is kept (check lints them all)', () => {
    expect(services({})).toEqual(['app', 'debug', 'tools']);
  });
  it('--profile keeps unprofiled services and the named profile', () => {
    expect(services({ profiles: ['ops'] })).toEqual(['app', 'tools']);
    expect(services({ profiles: [] })).toEqual(['app']);
  });
  it('COMPOSE_PROFILES from the environment', () => {
    expect(services({ processEnv: { COMPOSE_PROFILES: 'debug' } })).toEqual(['app', 'debug']);
  });
});

describe('project name', () => {
  it('name: wins, else COMPOSE_PROJECT_NAME, else the folder name normalised', () => {
    expect(load({ 'compose.yaml': 'name: My_App\nservices: {}\n' }).project.name).toBe('my_app');
    expect(load({ 'compose.yaml': 'services: {}\n' }, undefined, { processEnv: { COMPOSE_PROJECT_NAME: 'Demo' } }).project.name).toBe('demo');
  });
});

describe('env files', () => {
  it('an unreadable line in .env is an env-file-syntax finding, not a crash', () => {
    const { diagnostics } = load({ 'compose.yaml': 'services: {}\n', '.env': 'GOOD=1\nBAD KEY=2\n' });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^env-file-syntax: /);
  });
});
