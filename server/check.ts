/**
 * @module `npm run portal -- check`: what an operator runs before a start or after a
 * change, like Keycloak's "test connection". It checks the configuration, opens (and
 * migrates) the database, looks for the built widget, and logs in to the SMTP server,
 * printing one line per check; it never prints a credential.
 */
import { existsSync } from 'node:fs';
import { type Config, ConfigError, describeSmtpServer, loadConfig } from './config.ts';
import { createSmtpTransport, describeDeliveryError } from './mail/worker.ts';
import { WIDGET_ENTRY } from './project-paths.ts';
import { countCustomers } from './store/customers.ts';
import {
  databaseLocation,
  describeDatabaseLocation,
  isPrivateFile,
  openDatabase,
  schemaVersion,
} from './store/database.ts';
import { findActiveSigningKey } from './store/signing-keys.ts';

/** How long the SMTP server may take to greet and accept the login. */
const SMTP_CHECK_MILLISECONDS = 15_000;

type Print = (line: string) => void;

/** Runs every check, printing `ok` or `FAIL` lines; resolves to whether all passed. */
export async function checkInstallation(
  env: Record<string, string | undefined>,
  print: Print,
): Promise<boolean> {
  let config: Readonly<Config>;
  try {
    config = loadConfig(env);
  } catch (error) {
    print(`FAIL  configuration: ${error instanceof ConfigError ? error.message : String(error)}`);
    return false;
  }
  const mode = config.production ? 'production' : 'development';
  print(
    `ok    configuration: ${mode}, service ${config.serviceUrl}, links open ${config.publicUrl}`,
  );
  const results = [
    await checkDatabase(config, print),
    checkWidget(print),
    await checkMail(config, print),
  ];
  return results.every(Boolean);
}

async function checkDatabase(config: Config, print: Print): Promise<boolean> {
  const location = databaseLocation(config);
  const shown = describeDatabaseLocation(location);
  try {
    const db = await openDatabase(location);
    try {
      const schema = await schemaVersion(db);
      const keys = (await findActiveSigningKey(db))
        ? 'a signing key'
        : 'no signing key yet (the first start makes one)';
      print(
        `ok    database ${shown}: schema ${schema}, ${await countCustomers(db)} customers, ${keys}`,
      );
    } finally {
      await db.close();
    }
  } catch (error) {
    print(`FAIL  database ${shown}: ${(error as Error).message}`);
    return false;
  }
  if (config.databaseUrl === null && !isPrivateFile(config.databasePath)) {
    print(
      `FAIL  database ${config.databasePath} may be read by other users, and it holds the signing keys: chmod 600 ${config.databasePath}`,
    );
    return false;
  }
  return true;
}

function checkWidget(print: Print): boolean {
  if (!existsSync(WIDGET_ENTRY)) {
    print('FAIL  widget: not built; run npm run build');
    return false;
  }
  print('ok    widget: built');
  return true;
}

async function checkMail(config: Config, print: Print): Promise<boolean> {
  if (!config.smtpUrl) {
    print('ok    mail: no SMTP_URL, mail stays in the dev mailbox (development only)');
    return true;
  }
  const server = describeSmtpServer(config.smtpUrl);
  const transport = createSmtpTransport(config.smtpUrl);
  try {
    await Promise.race([
      transport.verify(),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`no answer within ${SMTP_CHECK_MILLISECONDS / 1000} s`)),
          SMTP_CHECK_MILLISECONDS,
        ).unref(),
      ),
    ]);
    print(`ok    mail: ${server} accepted the connection and the login`);
    return true;
  } catch (error) {
    print(`FAIL  mail: ${server}: ${describeDeliveryError(error)}`);
    return false;
  } finally {
    transport.close();
  }
}
