import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ReportBatch } from '../../../protocol/report';

/**
 * A small stand-in for the district collector, on 127.0.0.1 only. It counts each batchId once,
 * answers CORS like the real one must (the extension has no host permission for it), records
 * every request it sees, and can be told to misbehave for the next requests.
 */
export type Behaviour =
  | { kind: 'ok' }
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Store the batch, then cut the connection before any reply: a lost acknowledgement. */
  | { kind: 'store-then-drop' }
  /** Store the batch, then hold the reply until `release()` (to stop the worker meanwhile). */
  | { kind: 'store-then-hold' };

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Milliseconds on the test's clock, for checking retry spacing. */
  at: number;
}

export const REPORT_PATH = '/api/v1/reports';

export class TestCollector {
  readonly requests: SeenRequest[] = [];
  readonly stored = new Map<string, ReportBatch>();
  private readonly behaviours: Behaviour[] = [];
  private readonly sockets = new Set<Socket>();
  private held: Array<() => void> = [];
  private server: Server | undefined;
  private port = 0;

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}${REPORT_PATH}`;
  }

  /** The next requests get these answers, in order; after them, 202. */
  answerNext(...behaviours: Behaviour[]): this {
    this.behaviours.push(...behaviours);
    return this;
  }

  /** POSTs of report batches, in arrival order. */
  get posts(): SeenRequest[] {
    return this.requests.filter((request) => request.method === 'POST');
  }

  /** Sum of n per "day|messenger|event" over the stored batches, each counted once. */
  totals(): Record<string, number> {
    const totals: Record<string, number> = {};
    for (const batch of this.stored.values()) for (const row of batch.counts) totals[`${row.day}|${row.messenger}|${row.event}`] = (totals[`${row.day}|${row.messenger}|${row.event}`] ?? 0) + row.n;
    return totals;
  }

  release(): void {
    for (const resume of this.held.splice(0)) resume();
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body, at: Date.now() });
        this.answer(request.method ?? '', request.url ?? '', body, response);
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Down: nothing listens on the port, so the extension meets "connection refused". */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.release();
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(method: string, url: string, body: string, response: ServerResponse): void {
    // Without Expose-Headers a cross-origin fetch cannot read Retry-After (not a CORS-safelisted header).
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'Retry-After' };
    if (method === 'OPTIONS') {
      response.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Max-Age': '600' }).end();
      return;
    }
    if (method !== 'POST' || url !== REPORT_PATH) {
      response.writeHead(404, cors).end();
      return;
    }
    const behaviour = this.behaviours.shift() ?? { kind: 'ok' };
    if (behaviour.kind === 'status') {
      response.writeHead(behaviour.status, { ...cors, ...(behaviour.retryAfter ? { 'Retry-After': behaviour.retryAfter } : {}) }).end();
      return;
    }
    let parsed: ReportBatch;
    try {
      parsed = ReportBatch.parse(JSON.parse(body));
    } catch (error) {
      response.writeHead(400, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
      return;
    }
    const duplicate = this.stored.has(parsed.batchId);
    if (!duplicate) this.stored.set(parsed.batchId, parsed);
    const reply = () => response.writeHead(duplicate ? 200 : 202, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(duplicate ? { duplicate: true } : { stored: true }));
    if (behaviour.kind === 'store-then-drop') response.socket?.destroy();
    else if (behaviour.kind === 'store-then-hold') this.held.push(reply);
    else reply();
  }
}
