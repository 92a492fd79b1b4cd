import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from './channel.js';
import { createLogChannel } from './log-channel.js';

const message: OutboundMessage = {
  dedupeKey: 'care:c-001:birthday:2024', customerId: 'c-001', channel: 'wechat', purpose: 'care',
  to: 'zw_88', body: '李女士，生日快乐！本月到店保养赠送精致洗车一次。',
};

describe('log channel', () => {
  it('keeps and prints what would be sent, and calls it delivered', async () => {
    const lines: string[] = [];
    const channel = createLogChannel({ write: (l) => lines.push(l) });
    const first = await channel.send(message);
    const second = await channel.send({ ...message, dedupeKey: 'k2', channel: 'email', to: 'li@example.cn', subject: '生日快乐' });
    expect(first).toEqual({ status: 'delivered', detail: 'logged, not sent', providerId: 'log-1' });
    expect(second.providerId).toBe('log-2');
    expect(channel.sent).toEqual([message, expect.objectContaining({ dedupeKey: 'k2' })]);
    expect(lines[0]).toContain('wechat → zw_88 (c-001, care, care:c-001:birthday:2024) 李女士，生日快乐！');
    expect(lines[1]).toContain('[生日快乐]');
  });
});
