/**
 * The real server as its own process (`src/server/main.ts` under tsx), for the crash test and the
 * benchmarks: started on a free port with its own data folder, and stopped, gently or with kill -9;
 * killed at once if it does not come up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

const LISTENING = new URL('report-listening.ts', import.meta.url).href;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every log line so far (JSON). */
  logs: string[];
  /** Stops the server; resolves with its exit code (null when a signal ended it). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

export async function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', LISTENING, 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      STATIC_DIR: `${dataDir}/no-dist`,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const { stdout, stderr: errors } = child;
  if (!stdout || !errors) throw new Error('the server was started without its output pipes');
  const logs: string[] = [];
  let stderr = '';
  errors.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      resolve(code);
    });
  });
  createInterface({ input: stdout }).on('line', (line) => logs.push(line));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  try {
    // Ready when the server's socket listens (report-listening.ts says so over IPC), whatever the
    // log level lets through; a server that exits first, or takes over 30 s, fails the start.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`the server did not start within 30 s\n${stderr}`));
      }, 30_000);
      child.on('message', (message) => {
        if (typeof message === 'object' && 'listening' in message) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with ${code} before listening\n${stderr}`));
      });
    });
  } catch (error) {
    // A server that did not come up is not left running behind the failed test.
    await stop('SIGKILL');
    throw error;
  }
  return {
    url,
    child,
    logs,
    stop,
  };
}

/** JSON over HTTP to the server: the status and the parsed reply. */
export async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; data: unknown }> {
  const response = await fetch(`${url}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, data: text ? (JSON.parse(text) as unknown) : null };
}
