import { parseArgs } from 'node:util';
import { createWebhookChannel } from '../../src/channels/webhook-channel.js';
import { channelRegistry } from '../../src/engine/programs/channel-registry.js';
import { processDue } from '../../src/engine/programs/process-due.js';
import { openDb } from '../../src/store/open-db.js';

/**
 * The worker's sending loop at a fixed instant, for the chaos run to kill -9 at random points:
 * everything due at `--now` is processed, every message through the webhook at `--gateway`.
 */
const { values } = parseArgs({ options: { 'pg-url': { type: 'string' }, schema: { type: 'string' }, now: { type: 'string' }, gateway: { type: 'string' } } });
const db = await openDb({ databaseUrl: values['pg-url']!, schema: values.schema! });
const channels = channelRegistry(createWebhookChannel({ url: values.gateway!, secret: 'chaos-secret-0123456789' }));
const now = new Date(values.now!);
while ((await processDue(db, now, { channels, limit: 10 })) > 0);
await db.close();
