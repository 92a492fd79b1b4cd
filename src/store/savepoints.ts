import { AsyncLocalStorage } from 'node:async_hooks';

const openSavepoint = new AsyncLocalStorage<object>();

/**
 * The savepoints of one transaction, whose connection statements share when issued side by
 * side (an import's writes beside its reader threads' customer lookups). While a savepoint is
 * open, a statement from outside its work waits for it to close: sent in between, it would
 * fail on the savepoint's error ("current transaction is aborted") or be undone with it.
 * Savepoints opened side by side take turns for the same reason.
 */
export class Savepoints {
  private holder: object | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly send: (sql: string) => Promise<unknown>) {}

  /** Resolves when a statement may be sent: at once within the open savepoint's work, else once none is open. */
  async ready(): Promise<void> {
    while (this.holder !== undefined && openSavepoint.getStore() !== this.holder) await this.tail.catch(() => undefined);
  }

  /**
   * Runs `work` under a savepoint: a failure rolls back `work` alone and rethrows, and the
   * caller decides whether the outer transaction goes on.
   */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.holder !== undefined && openSavepoint.getStore() === this.holder) return this.under(work);
    const turn = this.tail.catch(() => undefined).then(() => {
      const holder = {};
      this.holder = holder;
      return openSavepoint.run(holder, () => this.under(work)).finally(() => {
        this.holder = undefined;
      });
    });
    this.tail = turn;
    return turn;
  }

  private async under<T>(work: () => Promise<T>): Promise<T> {
    await this.send('SAVEPOINT nested');
    try {
      const result = await work();
      await this.send('RELEASE SAVEPOINT nested');
      return result;
    } catch (err) {
      // ROLLBACK TO keeps the savepoint: release it too, so an enclosing savepoint is next.
      await this.send('ROLLBACK TO SAVEPOINT nested; RELEASE SAVEPOINT nested').catch(() => undefined);
      throw err;
    }
  }
}
