// The entry of this project's worker threads. The sources are TypeScript run through tsx, and a
// new thread starts without a loader (under vitest as well), so this plain module registers
// tsx's and then imports the worker's module, named by `workerData.module` (a file URL).
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.module, import.meta.url);
