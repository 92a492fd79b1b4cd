import { describe, expect, it } from 'vitest';
import { defaultContactPolicy } from './default-contact-policy.js';
import { detectOptOut } from './detect-opt-out.js';
import type { MessageChannel } from './outbox-types.js';

const words = defaultContactPolicy().optOut;
const isOptOut = (text: string, channel: MessageChannel = 'sms') => detectOptOut({ channel, text }, words).optOut;

describe('opt-out words in replies', () => {
  it.each(['退订', '退订，谢谢', '请帮我退订', 'TD', 'td', ' Td ', '我要TD', 'stop', 'STOP!', 'Please stop.', 'ＴＤ', 'ｓｔｏｐ'])('"%s" is an opt-out', (text) => {
    expect(isOptOut(text)).toBe(true);
  });

  it.each(['TDK', 'stopped', 'nonstop', 'stop2', 'ATD', '好的，周六见', '退', '订', ''])('"%s" is not', (text) => {
    expect(isOptOut(text)).toBe(false);
  });

  it('says which channel and which word', () => {
    expect(detectOptOut({ channel: 'wechat', text: '以后别发了 退订' }, words)).toEqual({ optOut: true, channel: 'wechat', word: '退订' });
    expect(detectOptOut({ channel: 'email', text: 'STOP' }, words)).toEqual({ optOut: true, channel: 'email', word: 'STOP' });
  });

  it('uses the words of the policy', () => {
    expect(detectOptOut({ channel: 'sms', text: 'unsubscribe me' }, { words: ['unsubscribe'] }).optOut).toBe(true);
    expect(detectOptOut({ channel: 'sms', text: 'TD' }, { words: ['unsubscribe'] }).optOut).toBe(false);
    // Regex characters in a word are literal.
    expect(detectOptOut({ channel: 'sms', text: 'N.' }, { words: ['N.'] }).optOut).toBe(true);
    expect(detectOptOut({ channel: 'sms', text: 'NO' }, { words: ['N.'] }).optOut).toBe(false);
  });
});
