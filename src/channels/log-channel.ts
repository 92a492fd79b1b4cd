import type { Channel, OutboundMessage, SendResult } from './channel.js';

export interface LogChannel extends Channel {
  /** Everything "sent", in order: the demo and tests read it back. */
  readonly sent: readonly OutboundMessage[];
}

/**
 * The demo default: delivers nothing, keeps each message and writes one line per message
 * (to `write`, stdout by default), so a demo or a replay can show what would have gone out
 * without a gateway and without texting real people.
 */
export function createLogChannel(options: { write?: (line: string) => void } = {}): LogChannel {
  const write = options.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const sent: OutboundMessage[] = [];
  return {
    name: 'log',
    sent,
    async send(message: OutboundMessage): Promise<SendResult> {
      sent.push(message);
      const providerId = `log-${sent.length}`;
      const subject = message.subject ? ` [${message.subject}]` : '';
      write(`[outbox:log] ${message.channel} → ${message.to} (${message.customerId}, ${message.purpose}, ${message.dedupeKey})${subject} ${message.body}`);
      return { status: 'delivered', detail: 'logged, not sent', providerId };
    },
  };
}
