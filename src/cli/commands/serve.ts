import type { Command } from 'commander';
import { startServer } from '../../api/serve.js';
import { getActivePolicy } from '../../engine/active-policy.js';
import { log } from '../../log.js';
import { globalOptions, openFromOptions } from '../context.js';
import { asPort } from '../parse-args.js';
import { startRetainWorker } from '../start-retain-worker.js';
import { addChannelOptions, channelOptionsOf } from './worker.js';
import type { ChannelOptions } from '../channel-options.js';

export function registerServe(program: Command): void {
  const serve = program
    .command('serve')
    .description('run the HTTP API and the web app, with the worker in the same process')
    .option('--port <port>', 'port to listen on', asPort, 3000)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-worker', 'leave due work to separate `retain worker` processes (PostgreSQL server only)');
  addChannelOptions(serve).action(async (opts: ChannelOptions & { port: number; host: string; worker: boolean }, cmd: Command) => {
    const global = globalOptions(cmd);
    const db = await openFromOptions(global);
    // The embedded database has one connection and lives in this process: its worker must too.
    const worker = opts.worker || db.kind === 'pglite'
      ? await startRetainWorker(db, { channels: channelOptionsOf(opts), dbSchema: global.dbSchema })
      : undefined;
    const server = await startServer(
      { db, policy: () => getActivePolicy(db), clock: () => new Date(), ...(worker ? { nudgeWorker: worker.nudge } : {}) },
      { port: opts.port, host: opts.host },
    );
    log.info({ url: server.url }, 'Retain API listening');
    process.stdout.write(`Retain web app: ${server.url}/\nRetain API: ${server.url}/api/v1  (OpenAPI: ${server.url}/api/v1/openapi.json)\n`);
    await worker?.nudge();
    await waitForShutdown(async () => {
      await server.close();
      await worker?.stop();
      await db.close();
    });
  });
}

export function waitForShutdown(cleanup: () => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => void cleanup().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
