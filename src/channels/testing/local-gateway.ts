import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayRequest {
  headers: IncomingHttpHeaders;
  /** Exactly the bytes that were signed: the receiver verifies before it parses. */
  rawBody: string;
}

export interface LocalGateway {
  url: string;
  received: GatewayRequest[];
  close(): Promise<void>;
}

/**
 * A stand-in SMS/WeChat/app gateway on 127.0.0.1, port chosen by the OS. It answers the n-th
 * request with `statuses[n]`, and every later one with the last status, so a test scripts a
 * gateway that fails and then recovers (or never does).
 */
export async function startLocalGateway(...statuses: number[]): Promise<LocalGateway> {
  if (statuses.length === 0) throw new Error('give the gateway at least one status to answer with');
  const received: GatewayRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      const status = statuses[Math.min(received.length, statuses.length) - 1]!;
      const body = status < 300 ? { id: `gw-${received.length}` } : { error: `status ${status} from the test gateway` };
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
