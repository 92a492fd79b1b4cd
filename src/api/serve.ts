import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { ApiDeps } from './deps.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Listens on a real socket; port 0 picks a free one (tests). */
export function startServer(deps: ApiDeps, options: { port: number; host?: string }): Promise<RunningServer> {
  const app = createApp(deps);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${info.port}`,
        close: () => new Promise<void>((done, fail) => server.close((err) => (err ? fail(err) : done()))),
      });
    });
  });
}
