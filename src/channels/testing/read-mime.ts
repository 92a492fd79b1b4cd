/**
 * Just enough MIME to read back a single-part text e-mail in the tests: unfolded headers with
 * RFC 2047 encoded words decoded, and the body undone from quoted-printable or base64. Decoding
 * the raw bytes ourselves (rather than trusting the sender's library) is what shows the Chinese
 * text survived the wire.
 */
export interface ReadMail {
  headers: Map<string, string>;
  text: string;
}

export function readMime(raw: string): ReadMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const body = raw.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(body, 'base64')
    : encoding === 'quoted-printable' ? quotedPrintable(body.replace(/=\r\n/g, ''))
    : Buffer.from(body, 'utf8');
  return { headers, text: bytes.toString('utf8').replace(/\r\n$/, '') };
}

function quotedPrintable(s: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...Buffer.from(s[i]!, 'utf8'));
  }
  return Buffer.from(out);
}

/** `=?UTF-8?B?…?= =?UTF-8?Q?…?=` → text; adjacent words join (a character may span two). */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi;
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/(?:=\?[^?]+\?[BQ]\?[^?]*\?=)+/gi, (run) => {
      const parts: Buffer[] = [];
      for (const m of run.matchAll(word)) {
        parts.push(m[2]!.toUpperCase() === 'B' ? Buffer.from(m[3]!, 'base64') : quotedPrintable(m[3]!.replace(/_/g, ' ')));
      }
      return Buffer.concat(parts).toString('utf8');
    });
}
