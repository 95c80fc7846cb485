// The executable's entry point (bundled into dist/cli.js): run the CLI and set the exit code.
import { main } from './main.ts';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A reader that went away (`| head`) is not our failure.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
