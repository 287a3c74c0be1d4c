/**
 * Debian's Chromium (or KEEP_COOL_CHROMIUM), headless, with the switches a closed network needs.
 * No Vitest here: the browser project's global set-up and the benchmarks use it too.
 */
import { chromium, type Browser, type BrowserServer } from 'playwright';

export const CHROMIUM = process.env.KEEP_COOL_CHROMIUM ?? '/usr/bin/chromium';

/** Without these Chromium floods a closed network with connection attempts. */
const ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

/** A Chromium for this process alone; `extraArgs` for benchmarks' extra switches. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs] });
}

/** A Chromium other processes connect to (`chromium.connect(server.wsEndpoint())`), on loopback. */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: ARGS, host: '127.0.0.1' });
}
