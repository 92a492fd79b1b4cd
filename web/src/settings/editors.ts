import type { Role } from '../session';

/** Who may save programs and script libraries (the API's EDITOR_ROLES); the others in settings read them. */
const EDITORS: readonly Role[] = ['admin', 'general_manager', 'store_manager', 'service_manager'];

export const canEditDocuments = (role: Role): boolean => EDITORS.includes(role);
