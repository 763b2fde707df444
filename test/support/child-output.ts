/**
 * @module Everything a child process writes, stdout and stderr in the order they come,
 * for tests that read a service's banner, errors and JSON log lines.
 */
import type { ChildProcess } from 'node:child_process';

/** Starts collecting at once; the function returns all the child wrote so far. */
export function collectOutput(child: ChildProcess): () => string {
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return () => output;
}
