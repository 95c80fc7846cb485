import type { Command } from 'commander';
import { commander } from './commander.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { runCheck, type CheckOptions } from './check.ts';
import { flushStdout, reportFailure } from './output.ts';
import { registerConfigCommand } from './config.ts';
import { runExplain, type ExplainOptions } from './explain.ts';
import { runRules, type RulesOptions } from './rules-command.ts';
import { runTestPolicies } from './test-policies.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/** Options shared by the commands that load a project (check, config). */
function addProjectOptions(command: Command): Command {
  return command
    .option('-f, --file <file>', 'compose file; repeat to merge several into one project', collect, [])
    .option('--env-file <file>', 'env file to read instead of .env; repeatable', collect, [])
    .option('--profile <name>', 'profile to enable; repeatable (default: every profile)', collect, []);
}

export function buildProgram(write: (text: string) => void, setExitCode: (code: number) => void): Command {
  const { Command: CommandClass, Option } = commander();
  const program = new CommandClass(TOOL_NAME)
    .description('A fast, position-exact linter and policy checker for Docker Compose files')
    .version(TOOL_VERSION, '-v, --version')
    .showHelpAfterError('(run compose-lint --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: (text) => process.stderr.write(text) });

  addProjectOptions(program.command('check').argument('[paths...]', 'compose files or folders to lint (default: the project here)'))
    .description('lint compose projects')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'github']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'config file (default: .compose-lint.yaml found upward)')
    .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run (default: error)').choices(['error', 'warning', 'info']))
    .option('--rule <id=level>', 'set a rule severity: off, info, warning or error; repeatable', collect, [])
    .option('--no-inline-suppressions', 'ignore compose-lint comments in the files')
    .option('--quiet', 'report errors only')
    .option('--no-color', 'no colours in text output (NO_COLOR is honoured too)')
    .action(async (paths: string[], options: CheckOptions) => {
      const color = options.color && !process.env.NO_COLOR && process.stdout.isTTY === true;
      setExitCode(await runCheck(paths, { ...options, color }, { cwd: process.cwd(), env: process.env, write }));
    });

  program
    .command('rules')
    .description("list every rule: id, default severity, tags, description; then the config's custom policies")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'config file whose policies to list (default: .compose-lint.yaml found upward)')
    .action((options: RulesOptions) => setExitCode(runRules(options, { cwd: process.cwd(), write })));

  program
    .command('explain')
    .argument('<rule>', 'rule id, or the id of a custom policy')
    .description("print a rule's documentation, with a bad and a good example; or a custom policy's definition")
    .option('-c, --config <file>', 'config file that defines the policy (default: .compose-lint.yaml found upward)')
    .action((rule: string, options: ExplainOptions) => setExitCode(runExplain(rule, options, { cwd: process.cwd(), write })));

  registerConfigCommand(program, write, setExitCode);

  program
    .command('test-policies')
    .argument('[dir]', 'folder with the config and <policy-id>/pass|fail/*.yaml examples (default: .)')
    .description('run every policy against its pass and fail examples; exit 1 when one fails')
    .option('-c, --config <file>', 'config file (default: .compose-lint.yaml found from DIR upward)')
    .action((dir: string | undefined, options: { config?: string }) => setExitCode(runTestPolicies(dir, options, { cwd: process.cwd(), write })));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const chunks: string[] = [];
  // Output is buffered and written once, so a closed pipe or a large report never loses its tail.
  const write = (text: string) => void chunks.push(text);
  const program = buildProgram(write, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    exitCode = error instanceof commander().CommanderError ? (error.exitCode === 0 ? 0 : 2) : reportFailure(error);
  }
  await flushStdout(chunks.join(''));
  return exitCode;
}
