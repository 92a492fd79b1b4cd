import manifest from './data/manifest.json' with { type: 'json' };
import afterService from './data/scripts-after-service.json' with { type: 'json' };
import care from './data/scripts-care.json' with { type: 'json' };
import cancellation from './data/scripts-cancellation.json' with { type: 'json' };
import convenience from './data/scripts-convenience.json' with { type: 'json' };
import dormant from './data/scripts-dormant.json' with { type: 'json' };
import firstCall from './data/scripts-first-call.json' with { type: 'json' };
import passive from './data/scripts-passive.json' with { type: 'json' };
import price from './data/scripts-price.json' with { type: 'json' };
import recallReturnFarewell from './data/scripts-recall-return-farewell.json' with { type: 'json' };
import service from './data/scripts-service.json' with { type: 'json' };
import warningCalls from './data/scripts-warning-calls.json' with { type: 'json' };
import app from './data/templates-app.json' with { type: 'json' };
import careTemplates from './data/templates-care.json' with { type: 'json' };
import email from './data/templates-email.json' with { type: 'json' };
import sms from './data/templates-sms.json' with { type: 'json' };
import wechat from './data/templates-wechat.json' with { type: 'json' };
import type { ScriptLibrary } from './library-schema.js';
import { parseLibrary } from './parse-library.js';
import { deepFreeze } from '../domain/deep-freeze.js';

/**
 * The shipped library as one plain document, before validation. The JSON is split by theme only
 * so that each file stays readable; users edit (and the store keeps) the joined document.
 */
export function defaultLibraryDocument(): { version: string; scripts: unknown[]; templates: unknown[] } {
  const scriptFiles = [firstCall, price, convenience, service, passive, warningCalls, afterService, cancellation, dormant, recallReturnFarewell, care];
  const templateFiles = [sms, wechat, app, email, careTemplates];
  return structuredClone({
    version: manifest.version,
    scripts: scriptFiles.flatMap((f) => f.scripts),
    templates: templateFiles.flatMap((f) => f.templates),
  });
}

let cached: ScriptLibrary | undefined;


/** The shipped library, validated once and frozen because every caller shares it. */
export function defaultLibrary(): ScriptLibrary {
  if (!cached) {
    const r = parseLibrary(defaultLibraryDocument());
    if (!r.ok) throw new Error(`the shipped script library is invalid: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    cached = deepFreeze(r.library);
  }
  return cached;
}
