/**
 * @module The operator CLI: `npm run portal -- customers add|import|update|list|show|resend|unlock|disable|enable|delete`,
 * `audit`, `mail list|retry`, `keys rotate`, `check` and `backup FILE` (from the build: `node dist/server/cli.js …`). It works on the database directly (PORTAL_DB), so
 * it needs no running service; a running service sees the changes at once.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { rotateSigningKey } from './auth/access-tokens.ts';
import { checkInstallation } from './check.ts';
import { runAuditCommand } from './cli-audit.ts';
import { COMMANDS, commandUsage, parseCommand, stringOption, UsageError } from './cli-usage.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { CustomerRecord } from './contract.ts';
import {
  listUndeliveredMails,
  type PendingMail,
  retryUndeliveredMail,
} from './mail/undelivered.ts';
import { importCustomers } from './operations/customers-csv.ts';
import { listAllCustomers } from './operations/list-customers.ts';
import {
  createCustomer,
  describeCustomer,
  listCustomerAudit,
  type Operator,
  ProvisioningError,
  removeCustomer,
  resendInitialPassword,
  setCustomerEnabled,
  unlockCustomer,
} from './operations/provisioning.ts';
import { type OperatorWarning, warnAboutSharedEmail } from './operations/shared-email-warning.ts';
import { updateCustomer } from './operations/update-customer.ts';
import {
  backupDatabase,
  databaseLocation,
  describeDatabaseLocation,
  openDatabase,
} from './store/database.ts';

const USAGE = `Usage: npm run portal -- <command>

${Object.values(COMMANDS)
  .map((command) => command.usage)
  .join('\n')}
  mail list                      every mail not delivered yet: waiting, or given up after
      PORTAL_MAIL_GIVE_UP_HOURS of failed attempts
  mail retry ID                  sends a mail again at once (a given-up one included); the
      running service's worker picks it up within seconds
  keys rotate                    adds a new token signing key; tokens signed before stay valid
  check                          checks the configuration, the database, the built widget,
      and the login to the SMTP server; exits 1 if anything is wrong
  backup FILE                    copies the database to FILE (a new file), safely while the
      service runs; restore by stopping the service and putting FILE at PORTAL_DB

The database is PORTAL_DB (default data/portal.db).`;

/** Runs one command; returns the exit code. Output goes to `print`, errors to `fail`. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void = console.log,
  fail: (line: string) => void = console.error,
): Promise<number> {
  const [group, command, ...rest] = argv;
  if (!group || group === 'help' || group === '--help') {
    print(USAGE);
    return group ? 0 : 1;
  }
  if (group === 'check') return (await checkInstallation(env, print)) ? 0 : 1;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    fail(`error: ${(error as Error).message}`);
    return 1;
  }
  const db = await openDatabase(databaseLocation(config));
  const operator: Operator = { db, config, clock: systemClock, source: 'cli' };
  try {
    if (group === 'keys' && command === 'rotate') {
      print(
        `New signing key ${await rotateSigningKey(db, systemClock)}; the previous one stays valid until its tokens expire.`,
      );
      return 0;
    }
    if (group === 'backup') {
      if (!command) throw new UsageError();
      try {
        await backupDatabase(db, command);
      } catch (error) {
        fail(`error: no backup made: ${(error as Error).message}`);
        return 1;
      }
      print(`Backed up ${describeDatabaseLocation(databaseLocation(config))} to ${command}.`);
      return 0;
    }
    if (group === 'mail') return await runMailCommand(operator, command, rest, print);
    if (group === 'audit') {
      return await runAuditCommand(operator, parseCommand('audit', argv.slice(1)), print);
    }
    if (group !== 'customers' || !command) throw new UsageError();
    const parsed = parseCommand(`customers ${command}`, rest);
    const { values, positionals } = parsed;
    const number = positionals[0];
    switch (command) {
      case 'add': {
        const customer = await createCustomer(operator, {
          email: values.email ?? '',
          name: values.name ?? '',
          language: values.language ?? '',
          ...(values.number ? { number: values.number } : {}),
          ...(values.password ? { password: values.password } : {}),
        });
        print(
          `Created customer ${customer.number} (${customer.name}, ${customer.email}, ${customer.language}).`,
        );
        print('Two mails are queued: the customer number, and the initial password.');
        printWarnings(await warnAboutSharedEmail(db, customer.email, customer.number), fail);
        return 0;
      }
      case 'import': {
        const file = positionals[0];
        if (!file) throw new UsageError();
        let csv: string;
        try {
          csv = readFileSync(file, 'utf8');
        } catch (error) {
          fail(
            `error: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
          );
          return 1;
        }
        const result = await importCustomers(operator, csv);
        if (result.problems.length > 0) {
          for (const problem of result.problems) fail(`error: ${file}, ${problem}`);
          fail('Nothing was imported: correct the file and run the import again.');
          return 1;
        }
        print(`Created ${result.created.length} customers:`);
        for (const line of result.created) print(`  ${line}`);
        print('Each gets two mails: the customer number, and the initial password.');
        for (const warning of result.warnings) fail(`warning: ${file}, ${warning}`);
        return 0;
      }
      case 'update': {
        const changes = Object.fromEntries(
          (['email', 'name', 'language'] as const)
            .map((field) => [field, stringOption(parsed, field)])
            .filter(([, value]) => value !== undefined),
        );
        if (Object.keys(changes).length === 0) {
          throw new UsageError(
            'give at least one of --email, --name, --language',
            'customers update',
          );
        }
        const update = await updateCustomer(operator, requireNumber(number), changes);
        print(formatLine(update.customer));
        print(
          update.changed.length > 0
            ? `Updated ${update.changed.join(', ')}.`
            : 'Nothing changed: the customer already has these details.',
        );
        printWarnings(update.warnings, fail);
        return 0;
      }
      case 'list': {
        const search = stringOption(parsed, 'search');
        const customers = await listAllCustomers(operator, search);
        if (values.json) {
          print(JSON.stringify(customers, null, 2));
          return 0;
        }
        if (customers.length === 0 && search !== undefined) {
          print(`No customer's number, name or address holds "${search}".`);
        }
        for (const customer of customers) print(formatLine(customer));
        return 0;
      }
      case 'show': {
        const customer = await describeCustomer(operator, requireNumber(number));
        print(formatLine(customer));
        print(`  initial password expires: ${customer.initialPasswordExpiresAt ?? '-'}`);
        for (const mail of await listUndeliveredMails(operator, customer.number)) {
          print(`  ${formatMail(mail)}`);
        }
        for (const event of await listCustomerAudit(operator, customer.number, 20)) {
          print(
            `  ${new Date(event.at).toISOString()}  ${event.action}${event.address ? `  from ${event.address}` : ''}`,
          );
        }
        return 0;
      }
      case 'resend':
        print(
          `${formatLine(await resendInitialPassword(operator, requireNumber(number), { replaceChosenPassword: values.force === true }))}\nA new initial password is queued by mail.`,
        );
        return 0;
      case 'unlock':
        print(formatLine(await unlockCustomer(operator, requireNumber(number))));
        print('Unlocked: failed logins are forgotten.');
        return 0;
      case 'disable':
      case 'enable':
        print(
          formatLine(
            await setCustomerEnabled(operator, requireNumber(number), command === 'enable'),
          ),
        );
        return 0;
      case 'delete':
        await removeCustomer(operator, requireNumber(number));
        print(`Deleted customer ${number}.`);
        return 0;
      default:
        throw new UsageError();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) fail(`error: ${error.message}`);
      fail(error.command ? commandUsage(error.command) : USAGE);
    } else if (error instanceof ProvisioningError || error instanceof ConfigError) {
      fail(`error: ${(error as Error).message}`);
    } else {
      throw error;
    }
    return 1;
  } finally {
    await db.close();
  }
}

async function runMailCommand(
  operator: Operator,
  command: string | undefined,
  args: string[],
  print: (line: string) => void,
): Promise<number> {
  if (command === 'list' && args.length === 0) {
    const mails = await listUndeliveredMails(operator);
    if (mails.length === 0) print('Every mail is delivered.');
    for (const mail of mails) print(formatMail(mail));
    return 0;
  }
  if (command === 'retry' && args.length === 1 && /^\d+$/.test(args[0] ?? '')) {
    const mail = await retryUndeliveredMail(operator, Number(args[0]));
    print(formatMail(mail));
    print('Due now: the running service sends it within seconds; its Message-ID stays the same.');
    if (mail.kind === 'password_reset') {
      print(
        'A reset link is valid for PORTAL_RESET_LINK_MINUTES after it was asked for: if it has expired, the customer asks for a new one.',
      );
    }
    return 0;
  }
  throw new UsageError();
}

/** One undelivered mail, for the operator: what, to whom, how it stands, and the last error. */
function formatMail(mail: PendingMail): string {
  const attempts = `${mail.attempts} attempt${mail.attempts === 1 ? '' : 's'}`;
  const state =
    mail.failedAt === null
      ? `waiting, ${attempts}, next ${new Date(mail.nextAttemptAt).toISOString()}`
      : `given up ${new Date(mail.failedAt).toISOString()} after ${attempts}; send it again with: npm run portal -- mail retry ${mail.id}`;
  const error = mail.lastError ? `  (${mail.lastError})` : '';
  return `mail ${mail.id}  ${mail.kind} to ${mail.to}, queued ${new Date(mail.createdAt).toISOString()}: ${state}${error}`;
}

/** Done, but worth a look: on stderr, so a script reading the output is not disturbed. */
function printWarnings(warnings: OperatorWarning[], fail: (line: string) => void): void {
  for (const warning of warnings) fail(`warning: ${warning.message}`);
}

function requireNumber(number: string | undefined): string {
  if (!number) throw new UsageError();
  return number;
}

function formatLine(customer: CustomerRecord): string {
  const flags = [
    customer.status === 'disabled' ? 'disabled' : null,
    customer.locked ? 'locked' : null,
    customer.mustChangePassword ? 'must change password' : null,
  ].filter(Boolean);
  return `${customer.number}  ${customer.name} <${customer.email}>  ${customer.language}${flags.length ? `  [${flags.join(', ')}]` : ''}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2), process.env);
}
