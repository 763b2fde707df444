/**
 * @module What each CLI command accepts and how its usage reads. Arguments are checked
 * here, per command: an unknown or misused flag is answered with that command's usage in
 * our words, never with Node's parser text, and nothing is done.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

interface CommandSpec {
  /** The command's lines in the usage text, indented as they print. */
  usage: string;
  /** No option is `multiple`: each is given once. */
  options: Options;
  /** Names of the positional arguments, all required. */
  positionals: readonly string[];
}

const text = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;

/** Every command, in the order the usage lists them. */
export const COMMANDS: Readonly<Record<string, CommandSpec>> = {
  'customers add': {
    usage: `  customers add --email EMAIL --name NAME --language de|fr|it|en [--number N] [--password P]
      Creates a customer and queues two mails: the customer number, and an initial
      password (generated unless --password is given) that must be changed at first login.
      The number must match PORTAL_CUSTOMER_NUMBER_PATTERN.`,
    options: { email: text, name: text, language: text, number: text, password: text },
    positionals: [],
  },
  'customers import': {
    usage: `  customers import FILE.csv      creates every customer of a CSV file (columns email, name,
      language and optionally number; commas or semicolons), or none if a line is wrong`,
    options: {},
    positionals: ['FILE'],
  },
  'customers update': {
    usage: `  customers update NUMBER [--email EMAIL] [--name NAME] [--language de|fr|it|en]
      corrects a customer's address, name or language (at least one); a reset link mailed
      to the old address stops working`,
    options: { email: text, name: text, language: text },
    positionals: ['NUMBER'],
  },
  'customers list': {
    usage: `  customers list [--search TEXT] [--json]
      every customer (or those whose number, name or address holds TEXT), one line each,
      or as a JSON array`,
    options: { search: text, json: flag },
    positionals: [],
  },
  'customers show': {
    usage: `  customers show NUMBER          one customer, with mails that could not be delivered and
      their latest events`,
    options: {},
    positionals: ['NUMBER'],
  },
  'customers resend': {
    usage: `  customers resend NUMBER [--force]
      mails a new initial password (the old one stops working); --force also for a customer
      who has already chosen a password (it is replaced)`,
    options: { force: flag },
    positionals: ['NUMBER'],
  },
  'customers unlock': {
    usage: '  customers unlock NUMBER        lifts a lockout after failed logins',
    options: {},
    positionals: ['NUMBER'],
  },
  'customers disable': {
    usage: '  customers disable NUMBER       blocks logins, ends sessions and reset links',
    options: {},
    positionals: ['NUMBER'],
  },
  'customers enable': {
    usage: '  customers enable NUMBER        allows logins again',
    options: {},
    positionals: ['NUMBER'],
  },
  'customers delete': {
    usage: '  customers delete NUMBER        deletes the customer',
    options: {},
    positionals: ['NUMBER'],
  },
  audit: {
    usage: `  audit [--customer NUMBER] [--since 2026-12-01|24h|7d] [--limit N] [--json]
      security events and operator actions in time order, the latest last: time, event,
      customer number, address, request id; the latest 200 (or N) of them`,
    options: { customer: text, since: text, limit: text, json: flag },
    positionals: [],
  },
};

/** The usage of the commands the CLI parses here; the others' lines follow in `USAGE`. */
export function commandUsage(command: string): string {
  const spec = COMMANDS[command];
  return spec ? `Usage: npm run portal -- ${spec.usage.trimStart()}` : '';
}

/** Wrong arguments: the CLI prints the message (if any) and the usage, and exits 1. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** `command`: whose usage to print; none prints the whole usage. */
  constructor(
    message = '',
    readonly command?: string,
  ) {
    super(message);
  }
}

export interface ParsedCommand {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

/** Checks one command's arguments against what it accepts. */
export function parseCommand(command: string, args: string[]): ParsedCommand {
  const spec = COMMANDS[command];
  if (!spec) throw new UsageError();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--') break;
    if (arg === '--help' || arg === '-h') throw new UsageError('', command);
    const name = /^--?([^=]+)/.exec(arg)?.[1];
    if (name === undefined) continue;
    const option = spec.options[name];
    if (!option) throw new UsageError(`unknown option ${arg.split('=')[0]}`, command);
    // The value after `--name`, whatever it looks like, is not an option.
    if (option.type === 'string' && !arg.includes('=')) index++;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    const name = /'--?([\w-]+)/.exec((error as Error).message)?.[1] ?? '';
    const problem =
      spec.options[name]?.type === 'string'
        ? `--${name} needs a value`
        : spec.options[name]?.type === 'boolean'
          ? `--${name} takes no value`
          : 'the options are not right';
    throw new UsageError(problem, command);
  }
  const { positionals } = parsed;
  if (positionals.length < spec.positionals.length) {
    throw new UsageError(`${spec.positionals[positionals.length]} is missing`, command);
  }
  if (positionals.length > spec.positionals.length) {
    throw new UsageError(
      `unexpected ${positionals.slice(spec.positionals.length).join(' ')}`,
      command,
    );
  }
  return { values: parsed.values, positionals };
}

/** A string option's value, or undefined. */
export function stringOption(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}
