import cliProgress from 'cli-progress';

export interface ByteProgress {
  file: string;
  bytesRead: number;
  bytesTotal: number;
  records: number;
}

/** A progress bar per file on a terminal; nothing when output is piped (logs and CI stay clean). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY) return { update: (_p: ByteProgress) => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: ' {file} |{bar}| {percentage}% · {records} records', stream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  return {
    update(p: ByteProgress) {
      if (p.file !== current) {
        if (current) bar.stop();
        current = p.file;
        bar.start(Math.max(p.bytesTotal, 1), 0, { file: p.file, records: 0 });
      }
      bar.update(p.bytesRead, { records: p.records });
    },
    stop: () => (current ? bar.stop() : undefined),
  };
}

/** A progress bar over a count (customers evaluated, month ends scored) on a terminal; nothing when piped. */
export function countBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  if (!stream.isTTY || total <= 0) return { update: (_done: number) => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: ` ${label} |{bar}| {percentage}% · {value}/{total}`, stream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done: number) => bar.update(Math.min(done, total)), stop: () => bar.stop() };
}
