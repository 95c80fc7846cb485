// Bundle of the GitHub Action: src/action/main.ts -> dist/action.js, committed so the action
// runs without an install step. Needs the generated sources, so buildAll() runs first.
// Deterministic: paths in the bundle are relative to the repository root, whatever the cwd,
// which lets test/action/bundle.test.ts rebuild it and compare bytes.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildAction({ outfile = join(root, 'dist/action.js') } = {}) {
  await build({
    entryPoints: [join(root, 'src/action/main.ts')],
    outfile,
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    banner: {
      // CommonJS dependencies (ajv) call require(); an ES module bundle has to provide it.
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildAction();
}
