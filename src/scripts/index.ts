/** The script library (话术库) and message templates: the public surface of src/scripts. */
export { audiencesFor } from './audiences-for.js';
export { buildContext, type ContextInput } from './build-context.js';
export { defaultLibrary, defaultLibraryDocument } from './default-library.js';
export { fieldLabels, fields, missingPlaceholder, type Field } from './fields.js';
export { SMS_MAX_CHARS, SMS_OPT_OUT } from './library-checks.js';
export { librarySchema, type Bilingual, type Script, type ScriptLibrary, type Template } from './library-schema.js';
export { nameWithTitle, parseGender, type Gender } from './name-with-title.js';
export { parseLibrary, type LibraryError, type LibraryResult } from './parse-library.js';
export { renderText, type FieldValue, type Rendered, type ScriptContext } from './render.js';
export { renderScript, renderTemplate, type RenderedMessage, type RenderedScript } from './render-script.js';
export { selectScript, type MatchKind, type ScriptChoice, type ScriptQuery } from './select-script.js';
export { selectTemplate, type TemplateChoice } from './select-template.js';
export { variantAvoids } from './variant-fields.js';
export * from './vocabulary.js';
