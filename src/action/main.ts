// Entry point of the GitHub Action (bundled to dist/action.js, run by `runs.using: node24`).
import { runAction } from './run-action.ts';

const chunks: string[] = [];
const code = await runAction(process.env, process.cwd(), (text) => void chunks.push(text));
// One write, flushed before exit, so the runner sees every workflow command.
process.stdout.write(chunks.join(''), () => {
  process.exitCode = code;
});
