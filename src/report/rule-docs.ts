import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, from the bundles (dist/) or the sources (src/report/). */
export function packageRoot(): string {
  // The CLI bundle is CommonJS (its launcher passes __dirname); the action's bundle and the sources are ES modules.
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The rule's documentation page (docs/rules/<id>.md) shipped with the package, if it has one. */
export function readRuleDoc(ruleId: string): string | undefined {
  // Ids are [a-z0-9-]; anything else must not become a path.
  if (!/^[a-z0-9][a-z0-9-]*$/.test(ruleId)) return undefined;
  try {
    return readFileSync(join(packageRoot(), 'docs', 'rules', `${ruleId}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
