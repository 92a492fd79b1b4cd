import type PgBoss from 'pg-boss';
import { sqlState, type Db } from '../../store/db.js';

const SYNTAX_ERROR = '42601';

/**
 * The job engine's database port on top of ours, so pg-boss runs on PGlite as on the server
 * and shares the connection (PGlite has only one). pg-boss sends its schema scripts as several
 * statements without parameters, which PGlite's extended protocol refuses ("cannot insert
 * multiple commands into a prepared statement"): those go through the simple protocol.
 */
export function jobDb(db: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      if (values.length > 0) return { rows: await db.query(text, values) };
      try {
        return { rows: await db.query(text) };
      } catch (err) {
        if (sqlState(err) !== SYNTAX_ERROR) throw err;
        await db.exec(text);
        return { rows: [] };
      }
    },
  };
}
