/** Chromium and a dev server for browser tests. The browser path comes from KEEP_COOL_CHROMIUM. */
import { chromium, type Browser } from 'playwright';
import { createServer, type ViteDevServer } from 'vite';

export const CHROMIUM = process.env.KEEP_COOL_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Without these Chromium floods a closed network with connection attempts.
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
}

export async function startDevServer(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the dev server did not report its address');
  return { server, url };
}
