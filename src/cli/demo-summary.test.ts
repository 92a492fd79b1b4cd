import { expect, it } from 'vitest';
import { formatDemoSummary, type DemoSummary } from './demo-summary.js';

const summary: DemoSummary = {
  database: 'the embedded database in /tmp/db',
  logins: [{ role: 'advisor', username: 'sh-01-sa1', name: '廖超凯', storeId: 'sh-01' }],
  token: 'rt_token',
  messageLog: '/tmp/demo-messages.log',
  dataDir: '/tmp/demo-data',
  today: '2026-12-07',
};

it('says why messages wait and when the first of them goes, when none could be sent', () => {
  const text = formatDemoSummary(summary, {
    messages: { held: 44, blocked: 13 },
    holds: [{ detail: 'quiet hours 21:00–08:00', n: 40, from: '2026-12-08 08:00' }, { detail: 'missing field mileage', n: 4 }],
    openTasks: 67,
  });
  expect(text).toContain('messages 0 sent, 0 queued, 44 held, 13 blocked');
  expect(text).toContain('40 held for quiet hours 21:00–08:00; the worker sends them from 2026-12-08 08:00\n');
  expect(text).toContain('4 held for missing field mileage\n');
  expect(text).toContain('Messages:   none sent yet; they are written to /tmp/demo-messages.log');
});

it('names the message file plainly once messages were sent, with no hold lines', () => {
  const text = formatDemoSummary(summary, { messages: { sent: 129, queued: 2 }, holds: [], openTasks: 5 });
  expect(text).toContain('5 open tasks; messages 129 sent, 2 queued\n');
  expect(text).not.toContain('held for');
  expect(text).toContain('Messages:   written to /tmp/demo-messages.log');
});
