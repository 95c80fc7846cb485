// fixtures/guide-examples must stay what the guide prints: each file a
// verbatim extract, each listed in the README, each YAML file parseable
// (except the one the guide itself writes with a duplicate key).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GUIDE_EXAMPLES_DIR, REPO_ROOT } from './helpers.ts';

// shared/ sits beside the repository checkout (here and in CI).
const GUIDE = [join(REPO_ROOT, '..', 'shared', 'guide', 'docker-compose-for-ml-guide.md'), join(REPO_ROOT, 'shared', 'guide', 'docker-compose-for-ml-guide.md')].find(existsSync);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out.sort();
}

const files = filesUnder(GUIDE_EXAMPLES_DIR)
  .map((p) => relative(GUIDE_EXAMPLES_DIR, p))
  // findings/ holds compose-lint's recorded findings on the examples (test/guide-examples.test.ts), not guide text.
  .filter((p) => p !== 'README.md' && !p.startsWith('findings/'));
const yamlFiles = files.filter((f) => /\.ya?ml$/.test(f));
const readme = readFileSync(join(GUIDE_EXAMPLES_DIR, 'README.md'), 'utf8');

describe('guide examples: inventory', () => {
  it('has the examples of sections 1 to 10', () => {
    expect(files.length).toBeGreaterThan(40);
    const sections = new Set(files.map((f) => f.match(/^section-(\d+)-/)?.[1]));
    for (let s = 1; s <= 10; s++) expect(sections, `section ${s}`).toContain(String(s));
  });

  it('lists every example (file or folder) in README.md, and lists nothing that is not there', () => {
    const entries = new Set(files.map((f) => (f.includes('/') ? `${f.split('/')[0]}/` : f)));
    const listed = new Set([...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
    expect([...listed].sort()).toEqual([...entries].sort());
  });
});

describe('guide examples: YAML', () => {
  it.each(yamlFiles)('%s parses as YAML (the guide\'s 10.3 snippet keeps its duplicate `services` key)', (file) => {
    const doc = parseDocument(readFileSync(join(GUIDE_EXAMPLES_DIR, file), 'utf8'));
    if (file === 'section-10-3.yaml') {
      expect(doc.errors.map((e) => e.code)).toEqual(['DUPLICATE_KEY']);
      return;
    }
    expect(doc.errors, doc.errors.map((e) => e.message).join('\n')).toEqual([]);
    const value = doc.toJS({ maxAliasCount: -1 });
    expect(value && typeof value === 'object' && !Array.isArray(value)).toBe(true);
  });
});

describe.skipIf(!GUIDE)(`guide examples: verbatim extracts of the guide${GUIDE ? '' : ' [SKIPPED: shared/guide/docker-compose-for-ml-guide.md not found beside the repository]'}`, () => {
  const guide = GUIDE ? readFileSync(GUIDE, 'utf8') : '';

  it.each(files)('%s', (file) => {
    const text = readFileSync(join(GUIDE_EXAMPLES_DIR, file), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    if (file.endsWith('.gitignore')) {
      // The guide builds .gitignore with `echo "LINE" >> .gitignore`.
      for (const line of text.trimEnd().split('\n')) expect(guide).toContain(`echo "${line}" >> .gitignore`);
      return;
    }
    // A whole code block, or a heredoc body: either way whole lines of the guide.
    expect(guide).toContain(`\n${text}`);
  });
});
