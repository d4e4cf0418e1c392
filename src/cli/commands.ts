import type { CliCommand } from './command.js';

/** Every `paperwire` subcommand, in the order `--help` lists them. */
export const commands: CliCommand[] = [];
