import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers/cli.ts';

interface HookManifest {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}
const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookManifest[];
const hook = hooks.find((candidate) => candidate.id === 'compose-lint')!;

describe('.pre-commit-hooks.yaml', () => {
  it('declares a node hook that runs the CLI on each file', () => {
    expect(hook).toMatchObject({ language: 'node', entry: 'compose-lint check', pass_filenames: true });
  });

  it('picks compose files by name and leaves look-alikes alone', () => {
    // pre-commit applies `files` with Python's re.search; this pattern means the same in JavaScript.
    const files = new RegExp(hook.files);
    const linted = [
      'compose.yaml',
      'compose.yml',
      'compose.override.yaml',
      'compose.prod.yml',
      'docker-compose.yml',
      'docker-compose.yaml',
      'docker-compose.override.yml',
      'docker-compose-dev.yml',
      'deploy/stack/compose.yaml',
      'a.b/docker-compose.ci.yaml',
    ];
    const skipped = [
      'composer.yaml',
      'composer.json',
      'compose.json',
      'mycompose.yaml',
      'docker-composer.yml',
      'compose.yaml.bak',
      'compose.yaml/readme.md',
      'docs/compose.md',
      'kompose.yaml',
      'app/compose-lint.config.js',
    ];
    for (const path of linted) expect(files.test(path), path).toBe(true);
    for (const path of skipped) expect(files.test(path), path).toBe(false);
  });
});

const HAVE_PRE_COMMIT = spawnSync('pre-commit', ['--version']).status === 0;
if (!HAVE_PRE_COMMIT) console.warn('pre-commit not installed (apt-get install pre-commit): hook install test skipped');

const BAD = 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n';
const GOOD = 'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n';
/** The committed CLI: the executable, its bundle and the bundle's code cache (package.json files). */
const CLI_FILES = ['dist/cli.cjs', 'dist/cli-bundle.js', 'dist/cli-bundle.code-cache'];

/**
 * For real: a hook repository made of this checkout's files (what a user's pre-commit clones),
 * a project repository using it, and `git commit` running the hook through Debian's pre-commit.
 */
describe.skipIf(!HAVE_PRE_COMMIT)('the pre-commit hook, installed by pre-commit', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'compose-lint-pre-commit-'));
  const hookRepo = join(scratch, 'hook-repo');
  const project = join(scratch, 'project');
  const globalGitConfig = join(scratch, 'gitconfig');
  // The caller's environment (proxy and CA settings for npm) without what a surrounding
  // `npm test` or git hook sets: npm_* lifecycle variables, GIT_DIR and friends.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !/^(GIT_|npm_|PRE_COMMIT)/i.test(entry[0])),
  );
  const env: Record<string, string> = {
    ...inherited,
    PRE_COMMIT_HOME: join(scratch, 'pre-commit-cache'),
    GIT_CONFIG_GLOBAL: globalGitConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    // pre-commit runs `npm install` in its clone: use the packages CI's `npm ci` already cached.
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
  const commit = (message: string) => {
    const result = spawnSync('git', ['commit', '-m', message], { cwd: project, env, encoding: 'utf8', timeout: 240_000 });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const commitCount = () => Number(git(project, 'rev-list', '--count', '--all'));

  beforeAll(() => {
    writeFileSync(globalGitConfig, '[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n');
    // The hook repository: every file a commit of this checkout holds, plus the bundle.
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
    // A symlinked node_modules is not a folder to .gitignore's `node_modules/`: leave it out by name.
    const files = new Set(listed.split('\0').filter((file) => file !== '' && !/^node_modules(\/|$)/.test(file)));
    for (const file of CLI_FILES) files.add(file);
    for (const file of files) {
      const from = join(REPO_ROOT, file);
      try {
        mkdirSync(dirname(join(hookRepo, file)), { recursive: true });
        cpSync(from, join(hookRepo, file));
      } catch {
        // Listed but deleted in the working tree: not part of the next commit either.
      }
    }
    git(scratch, 'init', '-q', hookRepo);
    git(hookRepo, 'add', '-A');
    // Committed in the real repository; forced here in case .gitignore still lists dist/ (bundle.test.ts checks it does not).
    git(hookRepo, 'add', '-f', ...CLI_FILES);
    git(hookRepo, 'commit', '-q', '--no-verify', '-m', 'hook repository');
    const rev = git(hookRepo, 'rev-parse', 'HEAD');

    mkdirSync(project);
    git(project, 'init', '-q');
    writeFileSync(
      join(project, '.pre-commit-config.yaml'),
      [
        'repos:',
        `  - repo: ${hookRepo}`,
        `    rev: ${rev}`,
        '    hooks:',
        '      - id: compose-lint',
        // The node already installed: pre-commit then downloads no Node.js.
        '        language_version: system',
        '',
      ].join('\n'),
    );
    execFileSync('pre-commit', ['install'], { cwd: project, env });
    // Installing the environment is the slow part (npm install and npm pack of the hook repository).
    const install = spawnSync('pre-commit', ['install-hooks'], { cwd: project, env, encoding: 'utf8', timeout: 300_000 });
    if (install.status !== 0) {
      const log = spawnSync('cat', [join(env.PRE_COMMIT_HOME, 'pre-commit.log')], { encoding: 'utf8' }).stdout;
      throw new Error(`pre-commit install-hooks failed:\n${install.stdout}${install.stderr}\n${log}`);
    }
  }, 320_000);

  it('installs the committed bundle, built by nobody', () => {
    const cache = env.PRE_COMMIT_HOME;
    const clones = readdirSync(cache).filter((name) => name.startsWith('repo'));
    expect(clones).toHaveLength(1);
    const installed = join(cache, clones[0], 'node_env-system/lib/node_modules/compose-lint');
    for (const file of CLI_FILES) expect(readFileSync(join(installed, file)).equals(readFileSync(join(hookRepo, file))), file).toBe(true);
  });

  it('blocks a commit of a compose file with errors', () => {
    writeFileSync(join(project, 'compose.yaml'), BAD);
    git(project, 'add', '-A');
    const result = commit('bad compose file');
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/compose-lint\.+Failed/);
    expect(result.output).toContain('no-privileged');
    expect(result.output).toContain('4:17');
    expect(commitCount()).toBe(0);
  });

  it('lets a compose file with no errors through', () => {
    writeFileSync(join(project, 'compose.yaml'), GOOD);
    git(project, 'add', '-A');
    const result = commit('good compose file');
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/compose-lint\.+Passed/);
    expect(commitCount()).toBe(1);
  });

  it('lints each compose file by name, and only those', () => {
    writeFileSync(join(project, 'composer.yaml'), 'this: [is not compose\n');
    git(project, 'add', '-A');
    const skipped = commit('composer.yaml is not ours');
    expect(skipped.code, skipped.output).toBe(0);
    expect(skipped.output).toMatch(/compose-lint\.+\(no files to check\)Skipped/);

    mkdirSync(join(project, 'deploy'));
    writeFileSync(join(project, 'deploy/docker-compose.prod.yml'), BAD);
    git(project, 'add', '-A');
    const blocked = commit('bad file in a sub-folder');
    expect(blocked.code, blocked.output).not.toBe(0);
    expect(blocked.output).toContain('deploy/docker-compose.prod.yml');
    expect(commitCount()).toBe(2);
  });
});
