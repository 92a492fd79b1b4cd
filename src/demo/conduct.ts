import type { Phase } from './personas.js';

/**
 * What a customer does in each phase. Factors stretch the steady habit (null = never);
 * probabilities are per occasion. Steady values are set so that a steady customer passes
 * the default policy's green checks: a visit every ~3–4 weeks (R ≤ 30), ≥ 2 inbound WeChat
 * messages a month, an app login at least every few weeks, calls answered (> 80 %).
 */
export interface Conduct {
  /** × the customer's pace between visits; null = no visits */
  visitGap: number | null;
  /** × the usual gap between inbound WeChat messages; null = none */
  chatGap: number | null;
  /** × the usual gap between app logins; null = none */
  appGap: number | null;
  answerCall: number;
  /** replies to a maintenance reminder or a care message */
  reply: number;
  acceptRecommendation: number;
  attendEvent: number;
  /** keeps maintenance on schedule (books before it is due) */
  onSchedule: boolean;
  /** takes the maintenance when a visit falls in its window */
  takesMaintenance: number;
  /** picks only the basic maintenance package */
  basicOnly: number;
}

const none: Conduct = {
  visitGap: null,
  chatGap: null,
  appGap: null,
  answerCall: 0.03,
  reply: 0,
  acceptRecommendation: 0,
  attendEvent: 0,
  onSchedule: false,
  takesMaintenance: 0,
  basicOnly: 1,
};

export const CONDUCT: Record<Phase, Conduct> = {
  steady: {
    visitGap: 1,
    chatGap: 1,
    appGap: 1,
    answerCall: 0.93,
    reply: 0.35,
    acceptRecommendation: 0.65,
    attendEvent: 0.6,
    onSchedule: true,
    takesMaintenance: 1,
    basicOnly: 0.3,
  },
  drifting: {
    visitGap: 2.8,
    chatGap: 2.5,
    appGap: 3,
    answerCall: 0.85,
    reply: 0.08,
    acceptRecommendation: 0.1,
    attendEvent: 0.05,
    onSchedule: false,
    takesMaintenance: 0.5,
    basicOnly: 0.85,
  },
  cancelling: {
    visitGap: 1.4,
    chatGap: 1.5,
    appGap: 1.4,
    answerCall: 0.75,
    reply: 0.2,
    acceptRecommendation: 0.25,
    attendEvent: 0.15,
    onSchedule: false,
    takesMaintenance: 0.6,
    basicOnly: 0.6,
  },
  aggrieved: {
    visitGap: 1.8,
    chatGap: 1,
    appGap: 1.6,
    answerCall: 0.7,
    reply: 0.15,
    acceptRecommendation: 0.05,
    attendEvent: 0,
    onSchedule: false,
    takesMaintenance: 0.5,
    basicOnly: 0.9,
  },
  silent: { ...none },
  away: { ...none, answerCall: 0.1 },
  gone: { ...none, answerCall: 0 },
};

/** Usual days between inbound WeChat messages and between app logins for a steady customer. */
export const CHAT_GAP_DAYS = 12;
export const APP_GAP_DAYS = 14;
