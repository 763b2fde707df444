/**
 * @module bench/results.md: the machine and the run in a header, one table per
 * measurement with its floor and the ratio beside it, and the issue's goals, met or not.
 */
import { cpus, release, totalmem } from 'node:os';
import type { BuildSnapshot } from './build.ts';
import type { FirstPaint } from './first-paint.ts';
import type { LoadResult } from './load.ts';
import type { Logins, Memory, TokenRoutes } from './measurements.ts';
import type { ScaleRow } from './scale.ts';
import { SETTINGS } from './settings.ts';

export interface Results {
  startedAt: Date;
  seconds: number;
  loadBefore: number[];
  loadAfter: number[];
  build: BuildSnapshot;
  commit: string;
  autocannonVersion: string;
  logins: Logins;
  tokens: TokenRoutes;
  firstPaint: FirstPaint;
  scale: ScaleRow[];
  memory: Memory;
}

/** The issue's memory goal, 150 MB, in the MiB that /proc reports. */
const MEMORY_GOAL_MIB = 150e6 / 2 ** 20;

export function renderReport(results: Results): string {
  return [
    header(results),
    logins(results.logins),
    tokens(results.tokens),
    renderFirstPaint(results.firstPaint),
    scale(results.scale),
    memory(results.memory),
    goals(results),
    failures(results),
  ].join('\n\n');
}

/** The login and token figures of a run on another store (`BENCH_STORE`). */
export function renderStoreReport(results: {
  store: string;
  logins: Logins;
  tokens: TokenRoutes;
  startedAt: Date;
  seconds: number;
  commit: string;
}): string {
  const cpu = cpus();
  return [
    `# Benchmark results: the service on ${results.store}

Written by \`npm run bench -- --store postgres\` (README, "How fast it is"): the login and
token loads of the full bench, with the service on ${results.store} (a throwaway cluster on
this machine, reached over loopback TCP) and the floors on SQLite as always.${SETTINGS.quick ? '\n\n**A quick run (BENCH_QUICK=1): short loads and small tables, figures for checking the bench only.**' : ''}

| | |
| --- | --- |
| Date | ${results.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC, ${Math.round(results.seconds)} s |
| Machine | ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Linux ${release()} |
| Build | commit ${results.commit} |`,
    logins(results.logins),
    tokens(results.tokens),
  ].join('\n\n');
}

function header(results: Results): string {
  const { build } = results;
  const cpu = cpus();
  const stale = build.newerSources.length
    ? `; **${build.newerSources.length} source files changed since the build** (${build.newerSources.slice(0, 5).join(', ')}${build.newerSources.length > 5 ? ', …' : ''}): these are the build's figures`
    : '';
  return `# Benchmark results

Written by \`npm run bench\` (README, "How fast it is"). The service runs from the
production build in production mode, on 127.0.0.1, in a process of its own; every figure
stands beside a floor measured in the same run, in a process of its own too. The load comes
from autocannon in the bench's process: keep-alive connections, one request in flight on
each, ${SETTINGS.warmUpSeconds} s of warm-up not counted, then ${SETTINGS.loadSeconds} s measured; latencies are those of the 2xx answers.${SETTINGS.quick ? '\n\n**A quick run (BENCH_QUICK=1): short loads and small tables, figures for checking the bench only.**' : ''}

| | |
| --- | --- |
| Date | ${results.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC, ${Math.round(results.seconds)} s |
| Machine | ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, Linux ${release()} |
| Software | Node.js ${process.version}, autocannon ${results.autocannonVersion}, ${results.firstPaint.browser} (headless) |
| Load average (1, 5, 15 min) | before ${results.loadBefore.map((value) => value.toFixed(2)).join(', ')}; after ${results.loadAfter.map((value) => value.toFixed(2)).join(', ')} |
| Build | \`dist/\` of ${results.build.builtAt.toISOString().replace('T', ' ').slice(0, 16)} UTC, commit ${results.commit}${stale} |`;
}

export function logins(figures: Logins): string {
  const rows = figures.rows.map(({ connections, service, floor }) =>
    row(
      connections,
      rate(service.perSecond),
      ms(service.p50),
      ms(service.p99),
      rate(floor.perSecond),
      ms(floor.p50),
      ms(floor.p99),
      percent(service.perSecond / floor.perSecond),
    ),
  );
  const health = (label: string, probe: Logins['healthIdle']) =>
    row(label, probe.probes, ms(probe.p50), ms(probe.p99), ms(probe.max));
  return `## Logins against argon2

POST /api/login for customers picked at random among ${SETTINGS.customers.toLocaleString('en')}, beside the floor:
@node-rs/argon2 verifying the same hash (argon2id m=19456 t=2 p=1) with as many verifies
in flight as the service has connections, in a process with the same libuv thread pool.

| connections | logins/s | p50 ms | p99 ms | floor: verifies/s | p50 ms | p99 ms | logins / floor |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

GET /healthz, ${SETTINGS.healthProbesPerSecond} probes a second on connections of their own: when the service's
event loop stays free, a login burst barely shows here.

| /healthz | probes | p50 ms | p99 ms | max ms |
| --- | ---: | ---: | ---: | ---: |
${health('idle', figures.healthIdle)}
${health(`during ${Math.max(...SETTINGS.loginConnections)} login connections`, figures.healthDuringLogins)}`;
}

export function tokens(figures: TokenRoutes): string {
  const line = (label: string, result: LoadResult, floor: LoadResult | null) =>
    row(
      label,
      rate(result.perSecond),
      ms(result.p50),
      ms(result.p99),
      percent(result.perSecond / figures.bare.perSecond),
      floor ? percent(result.perSecond / floor.perSecond) : '',
    );
  return `## GET /api/me and refresh against their floors

${SETTINGS.tokenConnections} connections. The floors run in a Hono app on @hono/node-server (scripts/bench/floors/hono-routes.ts) on a
copy of the service's database: a bare JSON route; for /api/me, jose's ES256 verify of the same
token against the same public key and one indexed read of its session; for refresh, the
SHA-256 of the cookie, one indexed read of the token with its session and customer, the
rotation (mark used, insert the next) in one transaction, and a new ES256 token. Each
refreshing connection has a session of its own and presents the cookie of the previous
answer (autocannon's \`setupRequest\` and \`onResponse\` carry it).

| request | answers/s | p50 ms | p99 ms | of bare Hono | of its floor |
| --- | ---: | ---: | ---: | ---: | ---: |
${line('floor: bare Hono JSON route', figures.bare, null)}
${line("GET /api/config (the service's middleware, no work)", figures.config, null)}
${line('floor: ES256 verify + session read', figures.meFloor, null)}
${line('**GET /api/me**', figures.me, figures.meFloor)}
${line('floor: refresh rotation + ES256 sign', figures.refreshFloor, null)}
${line('**POST /api/session/refresh**', figures.refresh, figures.refreshFloor)}`;
}

export function renderFirstPaint(figures: FirstPaint): string {
  const line = (
    label: string,
    from: string,
    to: string,
    times: FirstPaint['plainForm'],
    compare: boolean,
  ) =>
    row(
      label,
      from,
      to,
      ms(times.p50),
      ms(times.min),
      ms(times.max),
      compare ? `${(times.p50 / figures.plainForm.p50).toFixed(2)}×` : '',
    );
  return `## Time to a login form, in headless Chromium

${SETTINGS.pageLoads} cold loads of each page (a new browser context each: no cache, no connection), round by
round, after one round not counted; milliseconds. "On screen" is the first frame rendered
after the customer-number field could take focus. The plain form and the pages that insert
the script tag are served by a small server in the bench's process on http://localhost (the
service has no route for test pages); the widget and the API come from the service on
http://127.0.0.1, two sites, as on a dealer's page.

| page | from | to | median | min | max | median / plain form |
| --- | --- | --- | ---: | ---: | ---: | ---: |
${line('plain HTML form', 'navigation', 'field on screen', figures.plainForm, false)}
${line('page inserting the script tag, inline mode', 'navigation', 'field on screen', figures.insertedFromNavigation, true)}
${line('the same loads', 'script tag inserted', 'field takes focus', figures.insertedFromScriptTag, false)}
${line("the service's portal link page (GET /)", 'navigation', 'field on screen', figures.portalPage, true)}
${line('launcher mode, widget loaded', 'click on the launcher', "dialog's first field takes focus", figures.launcherClick, false)}`;
}

function scale(rows: ScaleRow[]): string {
  const base = rows[0];
  const lines = rows.map(({ customers, login, refresh }) =>
    row(
      customers.toLocaleString('en'),
      ms(login.p50),
      ms(login.p99),
      ms(refresh.p50),
      ms(refresh.p99),
      base ? change(login.p50 / base.login.p50) : '',
      base ? change(refresh.p50 / base.refresh.p50) : '',
    ),
  );
  return `## Latency as the tables grow

A fresh database for each size, seeded with SQL (one argon2 hash for every customer, one
session each), a service of its own on it, one connection: logins for customers picked at
random, refreshes of one session at a time. The sizes take turns, a second each.

| customers and sessions | login p50 ms | login p99 ms | refresh p50 ms | refresh p99 ms | login p50 vs ${base?.customers.toLocaleString('en')} | refresh p50 vs ${base?.customers.toLocaleString('en')} |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${lines.join('\n')}`;
}

function memory(figures: Memory): string {
  const mix = SETTINGS.memoryConnections;
  return `## Memory of the service process

Resident set size (VmRSS in /proc) of the production build.

| when | RSS MiB |
| --- | ---: |
| idle, after the start | ${figures.idle.toFixed(0)} |
| end of ${figures.connections} connections (${mix.login} logging in, ${mix.me} on /api/me, ${mix.refresh} refreshing) | ${figures.underLoad.toFixed(0)} |
| highest sample during that load (every 100 ms) | ${figures.peakDuringLoad.toFixed(0)} |
| high-water mark since the start (VmHWM) | ${figures.peakSinceStart.toFixed(0)} |`;
}

function goals(results: Results): string {
  const loginRatios = results.logins.rows.map((entry) => ({
    connections: entry.connections,
    ratio: entry.service.perSecond / entry.floor.perSecond,
  }));
  const meRatio = results.tokens.me.perSecond / results.tokens.meFloor.perSecond;
  const refreshRatio = results.tokens.refresh.perSecond / results.tokens.refreshFloor.perSecond;
  const first = results.scale[0];
  const last = results.scale.at(-1);
  const loginGrowth = first && last ? last.login.p50 / first.login.p50 : Number.NaN;
  const refreshGrowth = first && last ? last.refresh.p50 / first.refresh.p50 : Number.NaN;
  const paintRatio =
    results.firstPaint.insertedFromNavigation.p50 / results.firstPaint.plainForm.p50;
  const memoryPeak = results.memory.peakDuringLoad;
  const lines = [
    row(
      'logins ≥ 90 % of the argon2 floor',
      loginRatios.map(({ connections, ratio }) => `${percent(ratio)} at ${connections}`).join(', '),
      verdict(loginRatios.every(({ ratio }) => ratio >= 0.9)),
    ),
    row('GET /api/me ≥ 70 % of its floor', percent(meRatio), verdict(meRatio >= 0.7)),
    row('refresh ≥ 70 % of its floor', percent(refreshRatio), verdict(refreshRatio >= 0.7)),
    row(
      `latency at ${last?.customers.toLocaleString('en')} customers within 10 % of ${first?.customers.toLocaleString('en')} (p50)`,
      `login ${change(loginGrowth)}, refresh ${change(refreshGrowth)}`,
      verdict(loginGrowth <= 1.1 && refreshGrowth <= 1.1),
    ),
    row(
      'RSS ≤ 150 MB (143 MiB) under load',
      `${memoryPeak.toFixed(0)} MiB at the highest`,
      verdict(memoryPeak <= MEMORY_GOAL_MIB),
    ),
    row(
      'login form on screen within 1.5× the plain HTML form',
      `${paintRatio.toFixed(2)}× (median)`,
      verdict(paintRatio <= 1.5),
    ),
  ];
  return `## Goals (issue 13)

| goal | measured | |
| --- | --- | --- |
${lines.join('\n')}`;
}

function failures(results: Results): string {
  const loads: Array<[string, LoadResult]> = [
    ...results.logins.rows.map(
      (entry) => [`logins at ${entry.connections}`, entry.service] as [string, LoadResult],
    ),
    ...Object.entries(results.tokens),
    ...results.scale.flatMap(
      (entry): Array<[string, LoadResult]> => [
        [`login at ${entry.customers}`, entry.login],
        [`refresh at ${entry.customers}`, entry.refresh],
      ],
    ),
  ];
  const failed = loads
    .filter(([, result]) => result.failed > 0)
    .map(([label, result]) => `${label}: ${result.failed}`);
  if (results.memory.failed > 0) failed.push(`memory load: ${results.memory.failed}`);
  for (const [label, probe] of [
    ['/healthz idle', results.logins.healthIdle],
    ['/healthz during logins', results.logins.healthDuringLogins],
  ] as const) {
    if (probe.failed > 0) failed.push(`${label}: ${probe.failed}`);
  }
  return failed.length === 0
    ? 'Every request of every load was answered 2xx.'
    : `**Requests not answered 2xx** (non-2xx answers, errors, timeouts): ${failed.join('; ')}.`;
}

function row(...cells: Array<string | number>): string {
  return `| ${cells.join(' | ')} |`;
}

function rate(perSecond: number): string {
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

function ms(milliseconds: number): string {
  if (milliseconds < 10) return milliseconds.toFixed(2);
  return milliseconds < 100 ? milliseconds.toFixed(1) : milliseconds.toFixed(0);
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(0)} %`;
}

function change(ratio: number): string {
  const difference = (ratio - 1) * 100;
  return `${difference >= 0 ? '+' : '−'}${Math.abs(difference).toFixed(0)} %`;
}

function verdict(met: boolean): string {
  return met ? 'met' : '**not met**';
}
