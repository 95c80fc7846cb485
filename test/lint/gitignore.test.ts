import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GitignoreIndex, parseGitignore } from '../../src/lint/gitignore.ts';

interface Case {
  name: string;
  /** .gitignore files (and any other file) by path under the case folder. */
  files: Record<string, string>;
  /** Folder (under the case folder) that holds `.git`; null for no repository at all. */
  repo?: string | null;
  /** Path (under the case folder) -> ignored? A path ending in `/` is created as a folder. */
  expect: Record<string, boolean>;
}

const CASES: Case[] = [
  {
    name: 'a name without slash matches at any depth',
    files: { '.gitignore': '.env\n' },
    expect: { '.env': true, 'app/.env': true, 'app/deep/.env': true, '.env.example': false, 'my.env': false },
  },
  {
    name: 'a leading slash anchors to the .gitignore folder',
    files: { '.gitignore': '/secrets.txt\n' },
    expect: { 'secrets.txt': true, 'app/secrets.txt': false },
  },
  {
    name: 'a slash in the middle anchors too',
    files: { '.gitignore': 'config/local.env\n' },
    expect: { 'config/local.env': true, 'app/config/local.env': false },
  },
  {
    name: 'a name matches a folder and everything in it',
    files: { '.gitignore': 'secrets\n' },
    expect: { 'secrets/db.txt': true, 'app/secrets/api/key.txt': true, 'secret/db.txt': false },
  },
  {
    name: 'a trailing slash matches folders only',
    files: { '.gitignore': 'secrets/\n' },
    expect: { 'secrets/db.txt': true, 'app/secrets/db.txt': true, 'other/secrets': false, 'build/secrets/': true },
  },
  {
    name: 'a folder itself under a folder-only pattern',
    files: { '.gitignore': 'build/\n' },
    expect: { 'build/': true, 'src/build/': true, 'build.txt': false },
  },
  {
    name: 'wildcards stay within one path component',
    files: { '.gitignore': '*.key\nfile?.txt\ndb[0-9].env\n/config/*.env\n' },
    expect: {
      'a.key': true,
      'certs/b.key': true,
      'a.keys': false,
      'file1.txt': true,
      'file10.txt': false,
      'db3.env': true,
      'dbx.env': false,
      'config/a.env': true,
      'config/sub/a.env': false,
    },
  },
  {
    name: 'negated character classes',
    files: { '.gitignore': 'v[!0-9].txt\n' },
    expect: { 'vx.txt': true, 'v1.txt': false },
  },
  {
    name: 'double star: leading, trailing and in the middle',
    files: { '.gitignore': '**/private/*.pem\nlogs/**\na/**/b.txt\n**/creds.json\n' },
    expect: {
      'private/k.pem': true,
      'x/y/private/k.pem': true,
      'private/sub/k.pem': false,
      'logs/a/b.log': true,
      'logs/app.log': true,
      'app/logs/app.log': false,
      'a/b.txt': true,
      'a/x/y/b.txt': true,
      'c/a/b.txt': false,
      'creds.json': true,
      'deep/er/creds.json': true,
    },
  },
  {
    name: 'the last matching pattern wins',
    files: { '.gitignore': '*.env\n!example.env\n!keep.env\nkeep.env\n' },
    expect: { 'prod.env': true, 'example.env': false, 'keep.env': true, 'app/example.env': false },
  },
  {
    name: 'nothing inside an ignored folder can be re-included',
    files: { '.gitignore': 'secrets/\n!secrets/README.md\n' },
    expect: { 'secrets/README.md': true, 'secrets/db.txt': true },
  },
  {
    name: 'ignoring the contents (not the folder) allows re-including',
    files: { '.gitignore': 'secrets/*\n!secrets/README.md\n' },
    expect: { 'secrets/README.md': false, 'secrets/db.txt': true, 'secrets/sub/x.txt': true },
  },
  {
    name: 'a nested .gitignore overrides its parents for its folder',
    files: { '.gitignore': '*.txt\n', 'docs/.gitignore': '!notes.txt\n' },
    expect: { 'notes.txt': true, 'docs/notes.txt': false, 'docs/deep/notes.txt': false, 'other/notes.txt': true, 'docs/a.txt': true },
  },
  {
    name: 'patterns of a nested .gitignore are relative to its folder',
    files: { 'app/.gitignore': '/local.env\nconf/dev.env\n' },
    expect: {
      'app/local.env': true,
      'app/sub/local.env': false,
      'local.env': false,
      'app/conf/dev.env': true,
      'conf/dev.env': false,
    },
  },
  {
    name: 'a nested .gitignore cannot re-include what a parent folder rule ignored',
    files: { '.gitignore': 'private/\n', 'private/.gitignore': '!*\n' },
    expect: { 'private/a.txt': true },
  },
  {
    name: 'comments, escapes and trailing spaces',
    files: { '.gitignore': '# a comment\n\\#hash.txt\n\\!bang.txt\nname.txt   \n\n   \n' },
    expect: { '# a comment': false, '#hash.txt': true, '!bang.txt': true, 'name.txt': true },
  },
  {
    name: 'an escaped trailing space is kept',
    files: { '.gitignore': 'space\\ \n' },
    expect: { 'space ': true, space: false },
  },
  {
    name: 'CRLF line endings',
    files: { '.gitignore': '.env\r\nsecrets/\r\n' },
    expect: { '.env': true, 'secrets/x.txt': true },
  },
  {
    name: 'whitelisting: ignore everything, then re-include folder by folder',
    files: { '.gitignore': '/*\n!/app/\n/app/*\n!/app/compose.yaml\n' },
    expect: { '.env': true, 'secrets/db.txt': true, 'app/compose.yaml': false, 'app/.env': true, 'app/sub/x.txt': true },
  },
  {
    name: 're-including a folder does not re-include files a pattern ignores',
    files: { '.gitignore': '*.env\n!config/\n' },
    expect: { 'config/prod.env': true, 'config/app.yaml': false },
  },
  {
    name: 'wildcards between slashes, escaped specials, leading spaces',
    files: { '.gitignore': 'env/*/prod.env\n\\*literal\n \tspaced\n[]x].txt\n**/cache/**/\n' },
    expect: {
      'env/eu/prod.env': true,
      'env/prod.env': false,
      'env/eu/west/prod.env': false,
      '*literal': true,
      'aliteral': false,
      ' \tspaced': true,
      'spaced': false,
      '].txt': true,
      'x.txt': true,
      'y.txt': false,
      'cache/a/b/': true,
      'cache/file': false,
      'cache/a/b/file': true,
    },
  },
  {
    name: 'a .gitignore above the repository does not apply',
    files: { '.gitignore': '*.env\n', 'repo/.gitignore': 'other\n' },
    repo: 'repo',
    expect: { 'repo/.env': false, 'repo/app/prod.env': false },
  },
  {
    name: 'the repository folder of a project in a subfolder',
    files: { '.gitignore': 'deploy/*.env\n' },
    expect: { 'deploy/prod.env': true, 'deploy/stack/prod.env': false },
  },
];

const HAS_GIT = gitAvailable();
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function setUp(testCase: Case): string {
  const root = mkdtempSync(join(tmpdir(), 'compose-lint-gitignore-'));
  roots.push(root);
  if (testCase.repo !== null) {
    const repo = join(root, testCase.repo ?? '');
    mkdirSync(repo, { recursive: true });
    // A real repository when git is installed (for the cross-check), else just the marker folder.
    if (HAS_GIT) execFileSync('git', ['init', '-q', repo], { stdio: 'ignore', env: gitEnv(repo) });
    else mkdirSync(join(repo, '.git'));
  }
  for (const [path, text] of Object.entries(testCase.files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  for (const path of Object.keys(testCase.expect)) {
    if (path.endsWith('/')) mkdirSync(join(root, path), { recursive: true });
    else {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), '');
    }
  }
  return root;
}

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

function gitEnv(repo: string): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CEILING_DIRECTORIES: dirname(repo) };
}

function gitAvailable(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What git itself says (no global excludes file, no index). */
function gitIgnores(repo: string, path: string): boolean {
  try {
    execFileSync('git', ['-c', 'core.excludesFile=', 'check-ignore', '-q', '--no-index', '--', path], {
      cwd: repo,
      stdio: 'ignore',
      env: gitEnv(repo),
    });
    return true;
  } catch {
    return false;
  }
}

describe('GitignoreIndex', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const root = setUp(testCase);
      const index = new GitignoreIndex(readText);
      const actual = Object.fromEntries(Object.keys(testCase.expect).map((path) => [path, index.isIgnored(join(root, path))]));
      expect(actual).toEqual(testCase.expect);
    });
  }

  it('without a repository, every .gitignore from the filesystem root down applies', () => {
    const root = setUp({ name: 'no repository', files: { 'project/.gitignore': '*.env\n' }, repo: null, expect: { 'project/app/prod.env': true } });
    expect(new GitignoreIndex(readText).isIgnored(join(root, 'project/app/prod.env'))).toBe(true);
    expect(new GitignoreIndex(readText).isIgnored(join(root, 'project/app/prod.txt'))).toBe(false);
  });

  it('reads each .gitignore once', () => {
    const root = setUp({ name: 'cache', files: { '.gitignore': '*.env\n' }, expect: { 'a.env': true } });
    let reads = 0;
    const index = new GitignoreIndex((path) => {
      if (path.endsWith('.gitignore')) reads++;
      return readText(path);
    });
    for (let i = 0; i < 5; i++) index.isIgnored(join(root, `sub/file${i}.env`));
    // The root's and sub/'s .gitignore, once each.
    expect(reads).toBe(2);
  });

  it.skipIf(!HAS_GIT)('agrees with git check-ignore on every case', () => {
    const disagreements: string[] = [];
    for (const testCase of CASES) {
      const root = setUp(testCase);
      const repo = join(root, testCase.repo ?? '');
      const index = new GitignoreIndex(readText);
      for (const path of Object.keys(testCase.expect)) {
        const inRepo = testCase.repo ? path.slice(testCase.repo.length + 1) : path;
        const ours = index.isIgnored(join(root, path));
        const git = gitIgnores(repo, inRepo.replace(/\/$/, ''));
        if (ours !== git) disagreements.push(`${testCase.name}: ${path}: ours ${ours}, git ${git}`);
      }
    }
    expect(disagreements).toEqual([]);
  }, 60_000);
});

describe('parseGitignore', () => {
  it('skips blank lines and comments and keeps the order of rules', () => {
    const rules = parseGitignore('# c\n\n*.env\n!a.env\nlogs/\n');
    expect(rules.map((rule) => [rule.negate, rule.directoryOnly])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);
  });

  it('reads a line with a long run of inner spaces in linear time (a regex trim was quadratic)', () => {
    const spaces = ' '.repeat(200_000);
    const [rule] = parseGitignore(`a${spaces}b   \n`);
    expect(rule.matches(`a${spaces}b`)).toBe(true);
    expect(rule.matches(`a${spaces}b `)).toBe(false);
  });

  it('reads a range out of order as matching nothing, not as an error', () => {
    const [rule] = parseGitignore('secret[z-a].env\n');
    expect(rule.matches('secretb.env')).toBe(false);
    expect(rule.matches('secret[z-a].env')).toBe(false);
  });
});
