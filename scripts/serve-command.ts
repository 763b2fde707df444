/**
 * @module `npm run serve` as package.json spells it: the environment and node options of
 * the production start. The bench and the production test start the service with exactly
 * these, so what they measure and check is what an operator runs; the Dockerfile and the
 * README's systemd unit, which cannot read package.json, are held to the same settings by
 * test/production/start-commands.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServeCommand {
  /** The variables set before `node` (`MALLOC_ARENA_MAX=2 …`). */
  env: Record<string, string>;
  /** Node's options, between `node` and the script (`--max-semi-space-size=2 …`). */
  nodeOptions: string[];
  /** The script node runs, relative to the project. */
  script: string;
  /** The script's own arguments (`--production`). */
  args: string[];
}

/** Reads the `serve` script of the package.json in `root` (the project, or a copy of the build). */
export function readServeCommand(root: string): ServeCommand {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return parseServeCommand(manifest.scripts.serve ?? '');
}

export function parseServeCommand(command: string): ServeCommand {
  const words = command.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let index = 0;
  while (words[index]?.includes('=')) {
    const word = words[index++] ?? '';
    const at = word.indexOf('=');
    env[word.slice(0, at)] = word.slice(at + 1);
  }
  if (words[index] !== 'node') throw new Error(`npm run serve does not start node: ${command}`);
  index++;
  const nodeOptions: string[] = [];
  for (; words[index]?.startsWith('--'); index++) nodeOptions.push(words[index] ?? '');
  const script = words[index];
  if (!script) throw new Error(`npm run serve names no script: ${command}`);
  return { env, nodeOptions, script, args: words.slice(index + 1) };
}
