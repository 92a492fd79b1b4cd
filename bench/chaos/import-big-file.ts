import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { exited, freshSchema, PG_URL, sleep, spawnTs } from './chaos-db.js';

const rssMiB = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
};

/** Appends app logins of the demo's customers to `path` until it holds `bytes`. */
async function writeBigEvents(path: string, customerIds: string[], bytes: number): Promise<number> {
  const out = createWriteStream(path);
  let written = 0;
  let n = 0;
  while (written < bytes) {
    let block = '';
    for (let i = 0; i < 10_000; i++, n++) {
      const day = String(1 + (n % 28)).padStart(2, '0');
      block += `{"id":"big-${n}","customerId":"${customerIds[n % customerIds.length]}","type":"app_login","at":"2025-0${1 + (n % 9)}-${day}T10:00:00+08:00"}\n`;
    }
    written += Buffer.byteLength(block);
    if (!out.write(block)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return n;
}

/**
 * A multi-GB events file through `retain import` (customers written beside it): the process's resident memory is sampled
 * all along, and must stay flat (the file is streamed) — its peak, and what it was a quarter,
 * half and three quarters of the way, against the size of the file.
 */
export async function importBigFile(dir: string, gigabytes: number) {
  // As many customers as a file this size holds at some 50 events each, as in a real history:
  // a few customers with a hundred thousand events each would measure their state rows instead.
  const ids = Array.from({ length: Math.max(1000, Math.round((gigabytes * 1024 ** 3) / 120 / 50)) }, (_, i) => `c-${i}`);
  writeFileSync(join(dir, 'stores.jsonl'), `${JSON.stringify({ id: 'sh-01', name: '上海浦东服务中心', region: 'east' })}\n`);
  writeFileSync(join(dir, 'customers.jsonl'), ids.map((id) => JSON.stringify({ id, storeId: 'sh-01', name: `客户 ${id}`, since: '2022-06-10' })).join('\n') + '\n');
  const written = await writeBigEvents(join(dir, 'events-big.jsonl'), ids, gigabytes * 1024 ** 3);
  const s = await freshSchema('chaos_big');
  try {
    const started = Date.now();
    const child = spawnTs('src/cli/main.ts', ['--database-url', PG_URL, '--db-schema', s.schema, 'import', dir, '--no-evaluate']);
    const samples: number[] = [];
    const done = exited(child);
    while (child.exitCode === null && child.signalCode === null) {
      try {
        samples.push(rssMiB(child.pid!));
      } catch {
        break; // exited between the check and the read
      }
      await sleep(250);
    }
    const code = await done;
    const seconds = (Date.now() - started) / 1000;
    const [stored] = await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE id LIKE 'big-%'");
    const at = (q: number) => Math.round(samples[Math.floor(q * (samples.length - 1))] ?? 0);
    const peak = Math.round(Math.max(...samples));
    return {
      fileMiB: Math.round(statSync(join(dir, 'events-big.jsonl')).size / 1024 ** 2),
      events: written,
      stored: stored!.n,
      seconds,
      eventsPerSecond: Math.round(written / seconds),
      rssMiB: { quarter: at(0.25), half: at(0.5), threeQuarters: at(0.75), peak },
      exit: code,
      ok: code === 0 && stored!.n === written && peak < 1024 && peak < at(0.25) * 1.5,
    };
  } finally {
    await s.drop();
  }
}
