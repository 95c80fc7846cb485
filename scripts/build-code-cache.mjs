// V8 code cache for the CLI bundle (see src/cli/launcher.ts). Made by a training run over the
// repository's fixtures, so it holds the bytecode of the functions a check runs. V8's output
// differs from run to run, so an existing cache that already fits the bundle and this Node is
// kept: rebuilding unchanged sources leaves dist/ unchanged.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
/** What a training run lints: a clean project with overrides, and files with findings of most rules. */
const TRAINING = ['check', 'fixtures/ml-stack', 'fixtures/guide-examples/section-3-1.yaml', 'fixtures/guide-examples/section-8-1.yaml', 'fixtures/guide-examples/section-10-2-secrets.yaml'];

export function buildCodeCache() {
  const launcher = createRequire(import.meta.url)(join(dist, 'cli.cjs'));
  const target = join(dist, launcher.CODE_CACHE_FILE);
  if (launcher.loadBundle(dist, { useCache: true }).cacheUsed) return target;
  const fresh = `${target}.tmp`;
  const training = spawnSync(process.execPath, [join(root, 'scripts/train-code-cache.cjs'), fresh, ...TRAINING], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  // Exit 1 is the fixtures' findings; 2 would be a crash of the bundle.
  if (training.status !== 0 && training.status !== 1) throw new Error(`build-code-cache: the training run failed (${training.status}): ${training.stderr}`);
  if (!existsSync(fresh)) throw new Error('build-code-cache: the training run wrote no cache');
  renameSync(fresh, target);
  if (!launcher.loadBundle(dist, { useCache: true }).cacheUsed) {
    rmSync(target);
    throw new Error('build-code-cache: V8 rejects the cache it just made');
  }
  return target;
}
