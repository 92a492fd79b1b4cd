import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

// The demo as an operator starts it, in its own process, without a server. Its clock starts on a
// weekday morning: at night the store's quiet hours hold every message, and none would be sent.
it('loads quietly, writes the messages to a file and ends with the summary, also with --no-serve', () => {
  const root = mkdtempSync(join(tmpdir(), 'retain-demo-'));
  const args = ['--data-dir', join(root, 'db'), 'demo', '--no-serve', '--customers', '300', '--now', '2026-06-15T10:00'];
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'info' },
  });
  expect(res.status).toBe(0);
  const messageLog = join(root, 'demo-messages.log');
  expect(existsSync(messageLog)).toBe(true);
  const messages = readFileSync(messageLog, 'utf8').trim().split('\n');
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.every((l) => l.startsWith('[outbox:log] '))).toBe(true);
  // Not a line of them on the terminal.
  expect(res.stdout).not.toContain('[outbox:log]');
  expect(res.stderr).not.toContain('[outbox:log]');
  expect(res.stderr.split('\n').filter((l) => l.trim() !== '').length).toBeLessThan(10);
  // The summary: the level table, the work with the messages sent as counted in the file, logins, token.
  expect(res.stdout).toMatch(/│ total\s*│ 300\s*│/);
  const sent = Number(/messages (\d+) sent/.exec(res.stdout)?.[1]);
  expect(sent).toBe(messages.length);
  expect(res.stdout).toMatch(/Work: {7}\d+ open tasks/);
  expect(res.stdout).toContain(`written to ${messageLog}`);
  expect(res.stdout).toMatch(/Sign in: {4}password "retain-demo"/);
  expect(res.stdout).toMatch(/\S+-sm\s+service manager \(/);
  expect(res.stdout).toMatch(/API token: {2}\S{20,}/);
  expect(res.stdout).toContain('not served (--no-serve)');
  expect(res.stdout).toContain('Evaluating every customer as of 2026-06-15');
}, 300_000);
