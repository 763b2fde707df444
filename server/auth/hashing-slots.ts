/**
 * @module How many argon2 computations run at once: one per core. @node-rs/argon2 runs
 * each on libuv's thread pool (4 threads by default), which also runs WebCrypto (jose
 * signs the access token there) and file work. Four 19 MiB hashes on two cores run no
 * faster than two, hold twice the memory, and queue the token signing of a login whose
 * password was already checked behind the next customers' hashes. The rest wait here, in
 * arrival order, holding nothing.
 */
import { availableParallelism } from 'node:os';

const SLOTS = Math.max(1, availableParallelism());

let running = 0;
const waiting: Array<() => void> = [];

/** Runs `work` when a slot is free, and frees it when `work` settles. */
export async function inHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, so `running` never dips and refills.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
