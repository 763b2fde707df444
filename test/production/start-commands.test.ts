/**
 * Every documented way to start the service in production starts it alike: the Dockerfile's
 * image and the README's command and systemd unit use `npm run serve`'s node options and
 * malloc settings (scripts/serve-command.ts), which the bench measures and the production
 * test runs with. A setting changed in one place and not the others fails here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readServeCommand } from '../../scripts/serve-command.ts';

const PROJECT = new URL('../..', import.meta.url).pathname;
const serve = readServeCommand(PROJECT);
const envPairs = Object.entries(serve.env).map(([name, value]) => `${name}=${value}`);
const options = serve.nodeOptions.join(' ');
const args = serve.args.join(' ');

test('npm run serve sets the memory settings, and this Node accepts its options', () => {
  assert.deepEqual(Object.keys(serve.env).sort(), ['MALLOC_ARENA_MAX', 'MALLOC_MMAP_THRESHOLD_']);
  assert.ok(serve.nodeOptions.includes('--max-semi-space-size=2'), options);
  assert.ok(serve.nodeOptions.includes('--heap-growing-percent=20'), options);
  assert.deepEqual(serve.args, ['--production']);
  const run = spawnSync(process.execPath, [...serve.nodeOptions, '-e', '0'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
});

test("the Dockerfile's image starts with the same node options and malloc settings", () => {
  const dockerfile = readFileSync(join(PROJECT, 'Dockerfile'), 'utf8');
  const cmd = /^CMD (\[.*\])$/m.exec(dockerfile)?.[1];
  assert.ok(cmd, 'the Dockerfile has a CMD in JSON form');
  assert.deepEqual(JSON.parse(cmd), ['node', ...serve.nodeOptions, serve.script]);
  assert.match(dockerfile, new RegExp(`^ENV ${envPairs.join(' ')}$`, 'm'));
});

test("the README's production command and systemd unit use the same settings", () => {
  const readme = readFileSync(join(PROJECT, 'README.md'), 'utf8');
  const lines = readme.split('\n');
  assert.ok(
    lines.includes(`${envPairs.join(' ')} node ${options} ${serve.script} ${args}`),
    'the command for a server without Docker',
  );
  assert.ok(lines.includes(`Environment=${envPairs.join(' ')}`), "the unit's environment");
  assert.ok(
    lines.includes(
      `ExecStart=/usr/bin/node ${options} /opt/customer-portal/${serve.script} ${args}`,
    ),
    "the unit's ExecStart",
  );
});
