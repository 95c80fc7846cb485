// The executable's entry point (bundled into dist/cli-bundle.js, which dist/cli.cjs runs): run the CLI and set the exit code.
import { runCheck } from './check.ts';
import { main } from './main.ts';
import { flushStdout, reportFailure } from './output.ts';
import { allWritten } from '../stdio.ts';
import { plainCheckOptions, plainCheckPaths } from './plain-check.ts';

/**
 * `check PATH...` runs straight away; every other command line loads commander and the
 * other commands (main.ts), which a cold `check` would otherwise pay for.
 */
async function run(argv: string[]): Promise<void> {
  const paths = plainCheckPaths(argv.slice(2));
  if (!paths) {
    process.exitCode = await main(argv);
    return;
  }
  const chunks: string[] = [];
  let exitCode: number;
  try {
    exitCode = await runCheck(paths, plainCheckOptions(process.env), { cwd: process.cwd(), env: process.env, write: (text) => void chunks.push(text) });
  } catch (error) {
    exitCode = reportFailure(error);
  }
  await flushStdout(chunks.join(''));
  process.exitCode = exitCode;
  // Everything is written: exiting now skips tearing down the heap, ~2 ms of a cold run.
  if (allWritten()) process.exit(exitCode);
}

void run(process.argv);
