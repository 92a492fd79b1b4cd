import type { Channel } from '../../channels/channel.js';
import { createLogChannel } from '../../channels/log-channel.js';
import type { MessageChannel } from '../../outbox/outbox-types.js';

/**
 * Which adapter carries each message channel. Passed to the engine, never a global, so a worker,
 * a test and the replay each choose theirs (webhook for SMS/WeChat/app, SMTP for e-mail…).
 */
export interface ChannelRegistry {
  channelFor(channel: MessageChannel): Channel;
}

/** A registry from a per-channel map, with `fallback` for the channels not named. */
export function channelRegistry(fallback: Channel, byChannel: Partial<Record<MessageChannel, Channel>> = {}): ChannelRegistry {
  return { channelFor: (channel) => byChannel[channel] ?? fallback };
}

/** Everything through the log adapter (the demo and the replay): nothing reaches a customer. */
export function logChannels(write: (line: string) => void = () => undefined): ChannelRegistry {
  return channelRegistry(createLogChannel({ write }));
}
