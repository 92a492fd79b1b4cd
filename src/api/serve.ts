import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import type { ApiDeps } from './deps.js';

export interface RunningServer {
  url: string;
  /**
   * Stops taking connections and resolves once every request already taken has been handled:
   * what it still needs (the database) may then be closed. A client that hung up does not end
   * its request's work, so that work is waited for too.
   */
  close(): Promise<void>;
}

/** Listens on a real socket; port 0 picks a free one (tests). */
export function startServer(deps: ApiDeps, options: { port: number; host?: string }): Promise<RunningServer> {
  const app = createApp(deps);
  const handling = new Set<Promise<unknown>>();
  const fetch: typeof app.fetch = (request, ...rest) => {
    const handled = Promise.resolve(app.fetch(request, ...rest));
    const settled = handled.catch(() => undefined);
    handling.add(settled);
    void settled.then(() => handling.delete(settled));
    return handled;
  };
  return new Promise((resolve) => {
    // Plain HTTP/1.1: serve() makes a node:http server unless told to make another.
    const server = serve({ fetch, port: options.port, hostname: options.host ?? '127.0.0.1' }, (info: AddressInfo) => {
      const http = server as Server;
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${info.port}`,
        close: async () => {
          const closed = new Promise<void>((done, fail) => http.close((err) => (err ? fail(err) : done())));
          // Idle keep-alive connections would hold the server open until their clients leave.
          http.closeIdleConnections();
          while (handling.size > 0) await Promise.all(handling);
          http.closeIdleConnections(); // those whose last request has just been answered
          await closed;
        },
      });
    });
  });
}
