import type { Level } from '../../domain/evaluation.js';
import type { Db } from '../../store/db.js';

/**
 * The actions of programs.md §14, with their fixed field names. `customerId` and `at` are
 * columns of the log; the rest is stored as the contract prints it (timestamps already in
 * the store's time, so the log reads the same whoever prints it).
 */
export type ActionFields =
  | { kind: 'warning_opened'; level: Level; reasons: string[] }
  | { kind: 'warning_changed' | 'warning_closed'; level: Level }
  | { kind: 'task_created'; taskId: string; type: string; role: string; assigneeId: string | null; due: string | null; program: string; step: string }
  | { kind: 'task_escalated'; taskId: string; newTaskId: string; role: string; assigneeId: string | null; due: string | null }
  | { kind: 'task_closed'; taskId: string; outcome: string }
  | { kind: 'message_queued' | 'message_sent'; channel: string; purpose: string }
  | { kind: 'message_held'; channel: string; purpose: string; reason: string; until: string }
  | { kind: 'message_blocked'; channel: string; purpose: string; reason: string };

export type ActionKind = ActionFields['kind'];

export interface ActionOwner {
  storeId: string;
  customerId: string;
}

/** Appends one action to the log (in the caller's transaction, so it exists iff the change does). */
export async function recordAction(db: Db, at: Date, owner: ActionOwner, action: ActionFields): Promise<void> {
  const { kind, ...fields } = action;
  await db.query('INSERT INTO program_actions (at, kind, store_id, customer_id, fields) VALUES ($1, $2, $3, $4, $5::json)', [
    at,
    kind,
    owner.storeId,
    owner.customerId,
    JSON.stringify(fields),
  ]);
}

/** Appends many actions in one statement (an evaluation page's warning changes). */
export async function recordActions(db: Db, actions: { at: Date; owner: ActionOwner; action: ActionFields }[]): Promise<void> {
  if (actions.length === 0) return;
  await db.query(
    `INSERT INTO program_actions (at, kind, store_id, customer_id, fields)
     SELECT u.at, u.kind, u.store_id, u.customer_id, u.fields::json
       FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS u(at, kind, store_id, customer_id, fields, n)
      ORDER BY u.n`,
    [actions.map((a) => a.at), actions.map((a) => a.action.kind), actions.map((a) => a.owner.storeId), actions.map((a) => a.owner.customerId),
      actions.map(({ action: { kind: _kind, ...fields } }) => JSON.stringify(fields))],
  );
}
