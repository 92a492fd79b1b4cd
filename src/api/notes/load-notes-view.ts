import type { Db } from '../../store/db.js';
import { lookupCustomerHomes } from '../../store/lookup-customers.js';
import { listNoteVersions } from '../../store/read-notes.js';
import { toNotesView, type NotesView } from './note-schemas.js';

/** A customer's notes as the API answers them (current per topic and history, masked, in the store's time). */
export async function loadNotesView(db: Db, customerId: string): Promise<NotesView> {
  const home = (await lookupCustomerHomes(db, [customerId])).get(customerId);
  if (!home) throw new Error(`unknown customer "${customerId}"`);
  return toNotesView(customerId, await listNoteVersions(db, customerId), home.timeZone);
}
