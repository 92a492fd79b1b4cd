import { activateLibrary, getActiveLibrary } from '../../engine/active-library.js';
import { parseLibrary } from '../../scripts/parse-library.js';
import { documentSettingsRoutes } from './document-settings-routes.js';

export const settingsScripts = documentSettingsRoutes({
  kind: 'scripts',
  path: '/api/v1/scripts',
  schemaNames: { document: 'ScriptLibraries', body: 'ScriptLibraryBody' },
  summaries: {
    get: 'The script library (话术库) and message templates in force, and every stored version (managers)',
    put: 'Save a script library (scripts and templates) as a new version and put it in force (admins and managers)',
  },
  descriptions: {
    document: 'The library: { version, scripts, templates }',
    forbidden: 'Not allowed to change scripts',
    invalid: 'Not a valid library: each bad field by path (document.scripts.3.text.zh-CN)',
  },
  what: 'scripts',
  getActive: getActiveLibrary,
  parse: (input) => {
    const r = parseLibrary(input);
    return r.ok ? { ok: true, document: r.library } : r;
  },
  activate: activateLibrary,
});
