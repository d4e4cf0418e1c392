import type { CliCommand, CliIO } from './command.js';
import { UsageError, parseCommandArgs } from './command.js';
import { commands } from './commands.js';

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'paperwire: find and follow research papers from the command line and in Slack.',
    '',
    'Usage: paperwire <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `paperwire <command> --help` for a command's options.",
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`paperwire: unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.out(command.usage);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`paperwire ${command.name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    io.err(`paperwire ${command.name}: ${(error as Error).message}`);
    return 1;
  }
}
