import type { Command } from 'commander';
import { startServer } from '../../api/serve.js';
import { getActivePolicy } from '../../engine/active-policy.js';
import { log } from '../../log.js';
import { globalOptions, openFromOptions } from '../context.js';
import { asPort } from '../parse-args.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API')
    .option('--port <port>', 'port to listen on', asPort, 3000)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (opts: { port: number; host: string }, cmd: Command) => {
      const db = await openFromOptions(globalOptions(cmd));
      const server = await startServer(
        { db, policy: () => getActivePolicy(db), clock: () => new Date() },
        { port: opts.port, host: opts.host },
      );
      log.info({ url: server.url }, 'Retain API listening');
      process.stdout.write(`Retain API: ${server.url}/api/v1  (OpenAPI: ${server.url}/api/v1/openapi.json)\n`);
      await waitForShutdown(async () => {
        await server.close();
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
