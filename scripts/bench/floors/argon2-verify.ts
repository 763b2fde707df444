/**
 * @module The floor of POST /api/login, in a process of its own: @node-rs/argon2 verifying
 * the service's hash of the seeded password, `concurrency` verifies in flight at a time,
 * first for a warm-up, then for the measured time. Prints one line of JSON:
 * `{ perSecond, p50, p99, max }` (milliseconds).
 *
 *   node --import tsx argon2-verify.ts HASH PASSWORD CONCURRENCY WARM_UP_SECONDS SECONDS
 */
import { verify } from '@node-rs/argon2';
import { percentiles } from '../statistics.ts';

const [hash, password, concurrency, warmUpSeconds, seconds] = process.argv.slice(2);
if (!hash || !password || !concurrency || !warmUpSeconds || !seconds) {
  throw new Error('usage: argon2-verify.ts HASH PASSWORD CONCURRENCY WARM_UP_SECONDS SECONDS');
}

async function verifyFor(milliseconds: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + milliseconds;
  await Promise.all(
    Array.from({ length: Number(concurrency) }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        if (!(await verify(hash as string, password as string))) throw new Error('wrong hash');
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

await verifyFor(Number(warmUpSeconds) * 1000);
const started = performance.now();
const latencies = await verifyFor(Number(seconds) * 1000);
const elapsedSeconds = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({ perSecond: latencies.length / elapsedSeconds, ...percentiles(latencies) }),
);
