/**
 * Runs one of the repository's command-line tools (src/cli/…) as its users do, in a child Node with
 * tsx: its exit code and what it printed. A tool that blocks on a pipe fails the test instead of
 * hanging it.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** tsx's loader by its full address, so a tool can run in any folder (a trainer's scratch one). */
const TSX = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

export interface ToolRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `script` with `args`, in `cwd` (the repository by default), with `input` on its stdin. */
export function runTool(
  script: string,
  args: string[],
  options: { cwd?: string; input?: string } = {},
): ToolRun {
  try {
    const out = execFileSync('node', ['--import', TSX, resolve(script), ...args], {
      encoding: 'utf8',
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.input === undefined ? {} : { input: options.input }),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    return { code: 0, out, err: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout, err: e.stderr };
  }
}
