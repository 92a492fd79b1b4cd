import { activatePrograms, getActivePrograms } from '../../engine/programs/index.js';
import { parsePrograms } from '../../programs/parse-programs.js';
import { documentSettingsRoutes } from './document-settings-routes.js';

export const settingsPrograms = documentSettingsRoutes({
  kind: 'programs',
  path: '/api/v1/programs',
  schemaNames: { document: 'ProgramDocuments', body: 'ProgramDocumentBody' },
  summaries: {
    get: 'The program document in force (programs.md) and every stored version (managers)',
    put: 'Save a program document as a new version and put it in force (admins and managers); runs already started keep theirs',
  },
  descriptions: {
    document: 'The programs',
    forbidden: 'Not allowed to change programs',
    invalid: 'Not a valid program document: each bad field by path (document.programs.2.steps.1.offset)',
  },
  what: 'programs',
  getActive: getActivePrograms,
  parse: parsePrograms,
  activate: activatePrograms,
});
