import type { Purpose } from './vocabulary.js';

/** The store's links a message may carry (the retention settings' `links`). */
export interface StoreLinks {
  survey: string | null;
  booking: string | null;
}

/**
 * Which link a template's `{{link}}` is: the survey asks for a rating, every message that
 * invites a visit links the booking page, a farewell or a weather notice links nothing.
 */
const LINK_OF_PURPOSE: Record<Purpose, keyof StoreLinks | null> = {
  survey: 'survey', care: 'booking', maintenance_reminder: 'booking', offer: 'booking', wake_up: 'booking', birthday: 'booking',
  anniversary: 'booking', return_welcome: 'booking', farewell: null,
  holiday: 'booking', milestone: 'booking', first_service: 'booking', warranty: 'booking', software_update: 'booking',
  // A safety notice asks for nothing.
  weather: null,
};

export function linkFor(purpose: Purpose, links: StoreLinks): string | null {
  const kind = LINK_OF_PURPOSE[purpose];
  return kind ? links[kind] : null;
}
