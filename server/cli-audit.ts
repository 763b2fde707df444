/**
 * @module `npm run portal -- audit [--customer N] [--since 2026-12-01|24h] [--limit N] [--json]`:
 * the audit log for support, one event a line in time order (the latest last), or JSON.
 */
import { type ParsedCommand, stringOption, UsageError } from './cli-usage.ts';
import { listAuditEvents, parseSince } from './operations/audit-query.ts';
import type { Operator } from './operations/provisioning.ts';

export async function runAuditCommand(
  operator: Operator,
  parsed: ParsedCommand,
  print: (line: string) => void,
): Promise<number> {
  const customer = stringOption(parsed, 'customer');
  const since = stringOption(parsed, 'since');
  const limit = stringOption(parsed, 'limit');
  if (limit !== undefined && !/^[1-9]\d{0,5}$/.test(limit)) {
    throw new UsageError(
      `--limit must be a whole number from 1 to 999999, not "${limit}"`,
      'audit',
    );
  }
  const listing = await listAuditEvents(operator, {
    ...(customer === undefined ? {} : { customer }),
    ...(since === undefined ? {} : { since: parseSince(since, operator.clock.now()) }),
    ...(limit === undefined ? {} : { limit: Number(limit) }),
  });
  if (parsed.values.json) {
    print(
      JSON.stringify(
        listing.events.map((event) => ({
          at: new Date(event.at).toISOString(),
          action: event.action,
          customerNumber: event.customerNumber,
          address: event.address,
          requestId: event.requestId,
          detail: event.detail,
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  if (listing.more) {
    print(`(older events left out: showing the latest ${listing.events.length}; see --limit)`);
  }
  if (listing.events.length === 0) print('No events.');
  for (const event of listing.events) {
    const columns = [
      new Date(event.at).toISOString(),
      event.action,
      event.customerNumber ?? '-',
      event.address ?? '-',
      event.requestId ?? '-',
    ];
    print(`${columns.join('  ')}${event.detail ? `  (${event.detail})` : ''}`);
  }
  return 0;
}
