/**
 * @module `npm run bench`: how fast the service answers on this machine, and how much
 * memory it holds. Starts the real service on a temp database, 127.0.0.1, a free port;
 * sends a bounded number of requests from this process; prints figures.
 */
import { performance } from 'node:perf_hooks';
import { Client } from '../test/support/client.ts';
import { activateCustomer, logIn, provisionCustomer } from '../test/support/customers.ts';
import { startService } from '../test/support/service.ts';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);

async function measure(name: string, total: number, run: (index: number) => Promise<number>) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const index = next++;
        const begin = performance.now();
        const status = await run(index);
        latencies.push(performance.now() - begin);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(1);
  console.log(
    `${name.padEnd(22)} ${String(total).padStart(5)} req  ${(total / seconds).toFixed(0).padStart(6)} req/s  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
}

const service = await startService({ env: { PORTAL_TRUSTED_PROXY_HEADER: 'x-forwarded-for' } });
const setup = new Client(service.url);
const customers = await Promise.all(
  Array.from({ length: CONCURRENCY }, async () =>
    activateCustomer(setup, await provisionCustomer(setup)),
  ),
);
console.log(`Node ${process.version}, concurrency ${CONCURRENCY}, argon2id m=19456 t=2 p=1`);

await measure('GET /api/config', REQUESTS * 5, async () => (await setup.get('/api/config')).status);
await measure('POST /api/login', Math.min(REQUESTS, 200), async (index) => {
  const customer = customers[index % customers.length];
  if (!customer) return 0;
  return (
    await new Client(service.url).post('/api/login', {
      customerNumber: customer.number,
      password: customer.password,
    })
  ).status;
});
const sessions = await Promise.all(
  customers.map(async (customer) => {
    const client = new Client(service.url);
    return { client, token: await logIn(client, customer) };
  }),
);
await measure('GET /api/me', REQUESTS * 5, async (index) => {
  const session = sessions[index % sessions.length];
  return session ? (await session.client.get('/api/me', session.token)).status : 0;
});
await measure('POST /api/session/refresh', REQUESTS, async (index) => {
  // One client per worker lane, so each rotation presents the newest cookie.
  const session = sessions[index % sessions.length];
  return session ? (await session.client.post('/api/session/refresh')).status : 0;
});
await measure('POST /api/password/forgot', Math.min(REQUESTS, 200), async (index) => {
  const answer = await setup.request('POST', '/api/password/forgot', {
    body: {
      customerNumber: index % 2 ? (customers[0]?.number ?? '') : `UNKNOWN-${index}`,
      language: 'en',
    },
    headers: { 'X-Forwarded-For': `10.0.${Math.floor(index / 250)}.${index % 250}` },
  });
  return answer.status;
});

const memory = process.memoryUsage();
console.log(
  `memory after the run: rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB (service and load generator in one process)`,
);
await service.stop();
