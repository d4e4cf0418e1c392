import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes; injected so tests can capture output. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** A transient status line that the next one replaces; only there when stderr is a terminal. */
  progress?(text: string): void;
}

export interface CliCommand {
  name: string;
  /** One line for `paperwire --help`. */
  summary: string;
  /** Full usage text for `paperwire <name> --help` and usage errors. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code: 0 success, 2 usage or query error, 1 any other failure. */
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: CliIO): Promise<number>;
}

/** A mistake the user can fix: exit code 2 with this message. */
export class UsageError extends Error {}

export function parseCommandArgs(command: CliCommand, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `--limit 5` style numeric option, validated. */
export function intOption(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${String(value)}")`);
  }
  return n;
}
