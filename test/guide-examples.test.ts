import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_NAMES } from '../src/load/discover.ts';
import { lintFile } from './helpers/lint-files.ts';
import { REPO_ROOT } from './helpers/cli.ts';

/**
 * What compose-lint reports on each of the guide's own examples, recorded beside
 * them (`<example>.findings.txt`): a change in findings shows up as a diff to review.
 */
const EXAMPLES = join(REPO_ROOT, 'fixtures/guide-examples');

function composeFileOf(entry: string): string | undefined {
  const path = join(EXAMPLES, entry);
  if (!statSync(path).isDirectory()) return /\.ya?ml$/.test(entry) ? path : undefined;
  const names = readdirSync(path);
  const found = DEFAULT_FILE_NAMES.find((name) => names.includes(name)) ?? names.find((name) => /^docker-compose.*\.ya?ml$/.test(name));
  return found ? join(path, found) : undefined;
}

describe('the guide examples', () => {
  for (const entry of readdirSync(EXAMPLES).sort()) {
    const file = composeFileOf(entry);
    if (!file) continue;
    it(entry, async () => {
      const result = lintFile(file);
      const lines = result.findings.map(
        (f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}${f.service ? ` [${f.service}]` : ''}: ${f.message}`,
      );
      const snapshot = `${lines.join('\n')}\n`;
      const name = entry.replace(/\.ya?ml$/, '');
      await expect(snapshot).toMatchFileSnapshot(join(EXAMPLES, 'findings', `${name}.txt`));
    });
  }
});
