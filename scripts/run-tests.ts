/**
 * @module The test suites after the build. First the server suite alone: its timing
 * tests (S06, S07) and its SIGKILL test (S30) want a quiet machine; then the same suite
 * again on PostgreSQL (a throwaway cluster, scripts/with-postgres.ts). Then two lanes at
 * once: the widget and end-to-end suites one after another, and beside them the
 * production-build test, which spends most of its minutes in `npm ci` compiling
 * better-sqlite3. The first lane prints as it goes, the second when it ends. Exits 1
 * when any suite failed.
 */
import { spawn } from 'node:child_process';

interface Lane {
  scripts: string[];
  streamed: boolean;
}

const PHASES: Lane[][] = [
  [{ scripts: ['test:server'], streamed: true }],
  // The same suite on PostgreSQL, on a cluster of its own, as quiet as the first run.
  [{ scripts: ['test:server:pg'], streamed: true }],
  [
    { scripts: ['test:widget', 'test:e2e'], streamed: true },
    { scripts: ['test:production'], streamed: false },
  ],
];

function runScript(script: string, streamed: boolean): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', script], {
      stdio: streamed ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => resolve({ ok: code === 0, output }));
  });
}

async function runLane(lane: Lane): Promise<string[]> {
  const failed: string[] = [];
  for (const script of lane.scripts) {
    const result = await runScript(script, lane.streamed);
    if (!lane.streamed) process.stdout.write(result.output);
    if (!result.ok) failed.push(script);
  }
  return failed;
}

const failed: string[] = [];
for (const phase of PHASES) {
  failed.push(...(await Promise.all(phase.map(runLane))).flat());
}
if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
