import { deepFreeze } from '../domain/deep-freeze.js';
import raw from './default-settings.json' with { type: 'json' };
import { settingsSchema, type RetentionSettings } from './settings-schema.js';

const shipped: RetentionSettings = deepFreeze(settingsSchema.parse(raw));

/** The shipped retention settings (programs.md §8, §11, §12 defaults), validated and frozen. */
export function defaultSettings(): RetentionSettings {
  return shipped;
}
