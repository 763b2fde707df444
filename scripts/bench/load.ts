/**
 * @module Loads with autocannon, from the bench's process against a server in another:
 * keep-alive connections, one request in flight on each, for a fixed time after a warm-up.
 * Latencies are taken from every 2xx answer at sub-millisecond resolution (autocannon's
 * own histogram counts whole milliseconds, too coarse for a 1 ms request).
 */
import autocannon from 'autocannon';
import { SETTINGS } from './settings.ts';
import { type Percentiles, percentiles } from './statistics.ts';

/** Latencies in milliseconds, of the 2xx answers. */
export interface LoadResult extends Percentiles {
  connections: number;
  /** 2xx answers a second. */
  perSecond: number;
  /** Answers other than 2xx, connection errors and timeouts. */
  failed: number;
}

export interface Load {
  url: string;
  connections: number;
  /** The request connection `index` sends, again and again. */
  requestFor(index: number): autocannon.Request;
}

/** A warm-up that is not counted, then the measured load. */
export async function measureLoad(load: Load): Promise<LoadResult> {
  await runLoad(load, SETTINGS.warmUpSeconds);
  return runLoad(load, SETTINGS.loadSeconds);
}

export async function runLoad(load: Load, seconds: number): Promise<LoadResult> {
  return summarize([await sampleLoad(load, seconds)]);
}

/** What one load saw, to be summed with others of the same kind (see scale.ts). */
export interface LoadSample {
  connections: number;
  /** Milliseconds, of each 2xx answer. */
  latencies: number[];
  answered: number;
  failed: number;
  seconds: number;
}

export function sampleLoad(load: Load, seconds: number): Promise<LoadSample> {
  const latencies: number[] = [];
  let connection = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: seconds,
        pipelining: 1,
        timeout: 10,
        setupClient: (client) => client.setRequests([load.requestFor(connection++)]),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          connections: load.connections,
          latencies,
          answered: result['2xx'],
          failed: result.non2xx + result.errors,
          seconds: result.duration,
        });
      },
    );
    instance.on('response', (_client, status: number, _bytes: number, milliseconds: number) => {
      if (status >= 200 && status < 300) latencies.push(milliseconds);
    });
  });
}

export function summarize(samples: readonly LoadSample[]): LoadResult {
  const sum = (pick: (sample: LoadSample) => number) =>
    samples.reduce((total, sample) => total + pick(sample), 0);
  return {
    connections: samples[0]?.connections ?? 0,
    perSecond: sum((sample) => sample.answered) / sum((sample) => sample.seconds),
    ...percentiles(samples.flatMap((sample) => sample.latencies)),
    failed: sum((sample) => sample.failed),
  };
}

/** The headers the widget sends on a POST: JSON, from an allowed page. */
export function jsonHeaders(origin: string): Record<string, string> {
  return { 'content-type': 'application/json', origin };
}

/**
 * POST /api/login for a customer picked at random for each request, from the client
 * address `address` (X-Forwarded-For, as the service's proxy would say): customers log in
 * from addresses of their own, not all from one that the per-address throttle would stop.
 */
export function loginRequest(
  origin: string,
  customerNumbers: readonly string[],
  password: string,
  address: string,
): autocannon.Request {
  return {
    method: 'POST',
    path: '/api/login',
    headers: { ...jsonHeaders(origin), 'x-forwarded-for': address },
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({
        customerNumber: customerNumbers[Math.floor(Math.random() * customerNumbers.length)],
        password,
      }),
    }),
  };
}

/** A client address for connection `index`: 10.0.0.1, 10.0.0.2, … */
export function clientAddress(index: number): string {
  return `10.0.${Math.floor(index / 250)}.${(index % 250) + 1}`;
}

export function bearerRequest(path: string, token: string): autocannon.Request {
  return { method: 'GET', path, headers: { authorization: `Bearer ${token}` } };
}

/**
 * A refresh on a session of its own, taken from `unusedTokens`, presenting each time the
 * cookie the previous answer set. A load's connections are cut when it ends, and an answer
 * lost then leaves its session behind: the service would count the old token, sent again
 * later, as stolen (S17). So every load takes fresh sessions, as fresh clients would.
 */
export function refreshRequest(
  path: string,
  origin: string,
  unusedTokens: string[],
): autocannon.Request {
  let token = unusedTokens.shift();
  if (token === undefined) throw new Error('no unused refresh token left: seed more sessions');
  return {
    method: 'POST',
    path,
    headers: jsonHeaders(origin),
    body: '{}',
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, cookie: `portal_refresh=${token}` },
    }),
    onResponse: (_status, _body, _context, headers) => {
      token = refreshCookieIn(headers) ?? token;
    },
  };
}

function refreshCookieIn(headers: Record<string, unknown> | undefined): string | null {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'set-cookie') continue;
    for (const cookie of [value].flat()) {
      const match = /^portal_refresh=([^;]+)/.exec(String(cookie));
      if (match?.[1]) return match[1];
    }
  }
  return null;
}
