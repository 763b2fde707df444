/**
 * @module `tsx scripts/with-postgres.ts COMMAND ARGS…`: starts a throwaway PostgreSQL
 * cluster (test/support/postgres.ts), runs the command with DATABASE_URL pointing at it,
 * stops the cluster and exits with the command's status. `npm run test:server:pg` runs
 * the server suite this way: each service a test starts gets a database of its own there.
 */
import { spawn } from 'node:child_process';
import { startPostgres } from '../test/support/postgres.ts';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: tsx scripts/with-postgres.ts COMMAND [ARGS…]');
  process.exit(2);
}
const cluster = await startPostgres();
const child = spawn(command, args, {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: cluster.url },
});
// Ctrl-C reaches the command too; the cluster is stopped once it has ended.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});
const code = await new Promise<number>((resolve) => {
  child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
});
await cluster.stop();
process.exit(code);
