import type { Command } from 'commander';
import { DEFAULT_TIME_ZONE } from '../../domain/dates.js';
import type { ChannelOptions } from '../channel-options.js';
import { globalOptions, openFromOptions } from '../context.js';
import { asPositiveInt } from '../parse-args.js';
import { startRetainWorker } from '../start-retain-worker.js';
import { waitForShutdown } from './serve.js';

interface WorkerOptions extends ChannelOptions {
  once?: boolean;
  batchSize: number;
  pollingSeconds: number;
  timeZone: string;
}

/** The channel options of `worker` and `serve`: SMS/WeChat/app through a webhook gateway, e-mail through SMTP. */
export function addChannelOptions(cmd: Command): Command {
  return cmd
    .option('--webhook-url <url>', 'gateway for SMS, WeChat and app push (signed JSON POST)')
    .option('--webhook-secret <secret>', 'the gateway\'s signing secret (default: $RETAIN_WEBHOOK_SECRET)', process.env.RETAIN_WEBHOOK_SECRET)
    .option('--smtp-host <host>', 'SMTP server for e-mail')
    .option('--smtp-port <port>', 'SMTP port', asPositiveInt)
    .option('--mail-from <address>', 'sender of e-mail');
}

/** The secret alone (from the environment) configures nothing: the URL or host decides. */
export function channelOptionsOf(o: ChannelOptions): ChannelOptions {
  return {
    ...(o.webhookUrl !== undefined ? { webhookUrl: o.webhookUrl, webhookSecret: o.webhookSecret } : {}),
    ...(o.smtpHost !== undefined || o.mailFrom !== undefined ? { smtpHost: o.smtpHost, smtpPort: o.smtpPort, mailFrom: o.mailFrom } : {}),
  } as ChannelOptions;
}

export function registerWorker(program: Command): void {
  const cmd = program
    .command('worker')
    .description('run due program steps, escalations and sends, the nightly evaluation and the weekly model refit')
    .option('--once', 'process what is due now, print how many items, and exit')
    .option('--batch-size <n>', 'items claimed per round', asPositiveInt, 100)
    .option('--polling-seconds <n>', 'how often an idle worker looks for work', asPositiveInt, 2)
    .option('--time-zone <zone>', 'the zone of the nightly 02:00 run', DEFAULT_TIME_ZONE);
  addChannelOptions(cmd).action(async (opts: WorkerOptions, c: Command) => {
    const global = globalOptions(c);
    const db = await openFromOptions(global);
    const worker = await startRetainWorker(db, {
      channels: channelOptionsOf(opts),
      dbSchema: global.dbSchema,
      timeZone: opts.timeZone,
      batchSize: opts.batchSize,
      pollingSeconds: opts.pollingSeconds,
      timers: !opts.once,
    });
    if (opts.once) {
      const started = process.hrtime.bigint();
      const n = await worker.drain();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      await db.close();
      process.stdout.write(`processed ${n} due items in ${seconds.toFixed(2)} s\n`);
      return;
    }
    process.stdout.write('Retain worker running (Ctrl-C stops it)\n');
    await worker.nudge();
    await waitForShutdown(async () => {
      await worker.stop();
      await db.close();
    });
  });
}
