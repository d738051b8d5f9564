import { MAX_BATCH_BYTES } from '../../protocol/report';
import { apiError as reply, apiJson as json, bearerToken, MISSING_TOKEN, UNKNOWN_TOKEN, type ApiResponse } from './api-response';
import type { CollectorDatabase } from '../storage/open-database';
import type { FoldHold } from '../storage/sqlite-store-core.mjs';
import { createBatchWriter } from '../storage/store-batches';
import { startBackgroundFold, type FoldSchedule } from './background-fold';
import { createGroupCommitter, QueueFullError, type GroupCommitOptions, type GroupCommitter } from './group-commit';
import { createRateLimiter, DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limiter';
import { readLimitedBody } from './read-body';
import { acceptBatch } from './accept-batch';
import { createTokenDirectory } from './token-directory';
import { TokenQuotas } from './token-quota';
import { validateReport } from './validate-report';

/**
 * POST /api/v1/reports, independent of the HTTP framework: the Hono route and the collector's
 * fast node:http path both call `handle`. Nothing about the sender (IP, user agent, the body
 * itself) is stored or logged.
 */
export interface IngestRequest {
  contentType: string | null | undefined;
  authorization: string | null | undefined;
  contentLength: string | null | undefined;
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | null;
}


export interface Ingest {
  handle(request: IngestRequest): Promise<ApiResponse>;
  committer: GroupCommitter;
  /** Stores what is queued and folds everything stored, so counts and rollups are exact. */
  settle(): Promise<void>;
  /** Stores what is queued, folds it, then stops the writer. */
  close(): Promise<void>;
}

export interface IngestOptions {
  database: CollectorDatabase;
  rateLimit?: RateLimit;
  tokenTtlMs?: number;
  groupCommit?: GroupCommitOptions;
  /** When the log is folded; `holdMs`/`onHold` only for crash tests (a fold's transaction held open). */
  fold?: FoldSchedule & FoldHold;
  today?: () => Date;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function createIngest({ database, rateLimit = DEFAULT_RATE_LIMIT, tokenTtlMs, groupCommit, fold = {}, today = () => new Date() }: IngestOptions): Ingest {
  const tokens = createTokenDirectory(database.db, tokenTtlMs);
  const quotas = new TokenQuotas(database.db, today);
  const limiter = createRateLimiter(rateLimit);
  const writer = createBatchWriter(database, { holdMs: fold.holdMs, onHold: fold.onHold });
  const committer = createGroupCommitter(writer.store, { concurrency: writer.pipeline, ...groupCommit });
  const folding = startBackgroundFold(writer.fold, fold);

  async function handle(request: IngestRequest): Promise<ApiResponse> {
    try {
      return await answer(request);
    } catch (error) {
      console.error(`podskazka-collector: a report could not be handled: ${describe(error)}`);
      return reply(503, 'The collector cannot store reports right now; retry later.', { 'retry-after': '5' });
    }
  }

  async function answer(request: IngestRequest): Promise<ApiResponse> {
    if (!isJson(request.contentType)) return reply(415, 'Content-Type must be application/json.');

    const token = bearerToken(request.authorization);
    if (!token) return reply(401, MISSING_TOKEN, { 'www-authenticate': 'Bearer' });
    const { tokenHash, grant } = await tokens.lookup(token);
    if (grant === null) return reply(401, UNKNOWN_TOKEN, { 'www-authenticate': 'Bearer' });

    const waitSeconds = limiter.take(tokenHash);
    if (waitSeconds !== null) return reply(429, `Too many reports with this token; retry in ${waitSeconds} s.`, { 'retry-after': String(waitSeconds) });

    const declared = Number(request.contentLength ?? 0);
    if (declared > MAX_BATCH_BYTES) return tooLarge();
    const bytes = await readLimitedBody(request.body, MAX_BATCH_BYTES);
    if (!bytes) return tooLarge();

    let text: string;
    let value: unknown;
    try {
      text = decoder.decode(bytes);
    } catch {
      return reply(400, 'The body is not valid UTF-8.');
    }
    try {
      value = JSON.parse(text);
    } catch {
      return reply(400, 'The body is not valid JSON.');
    }
    const validation = validateReport(value, today());
    if (!validation.ok) return reply(400, validation.reason, {}, { issues: validation.issues });

    const accepted = acceptBatch(grant, validation.batch);
    if (!accepted.ok) return reply(accepted.status, accepted.reason);
    const { batch } = accepted;
    const quota = await quotas.take(tokenHash, grant, batch.orgId, batch.counts.length + (batch.visits?.length ?? 0));
    if (!quota.ok) {
      // A retry of a batch stored before must hear so, or the extension would keep it for a day.
      if (await isStored(database, batch)) return json(200, { duplicate: true });
      return reply(429, quota.reason, { 'retry-after': String(quota.retryAfterSeconds) });
    }
    try {
      const stored = await committer.submit(batch);
      if (!stored) quota.release();
      return stored ? json(202, { stored: true }) : json(200, { duplicate: true });
    } catch (error) {
      quota.release();
      if (!(error instanceof QueueFullError)) console.error(`podskazka-collector: storing a report failed: ${describe(error)}`);
      return reply(503, 'The collector cannot store reports right now; retry later.', { 'retry-after': '5' });
    }
  }

  async function settle() {
    await committer.drain();
    await folding.catchUp();
  }

  async function close() {
    tokens.close();
    await committer.drain();
    await folding.stop();
    await folding.catchUp();
    await writer.close();
  }

  return { handle, committer, settle, close };
}

async function isStored({ db }: CollectorDatabase, batch: { districtId: number; batchId: string }): Promise<boolean> {
  const row = await db.selectFrom('batches').select('batch_id').where('district_id', '=', batch.districtId).where('batch_id', '=', batch.batchId).executeTakeFirst();
  return row !== undefined;
}

function isJson(contentType: string | null | undefined): boolean {
  return /^application\/json *(;.*)?$/i.test((contentType ?? '').trim());
}

function tooLarge(): ApiResponse {
  return reply(413, `A report may be at most ${MAX_BATCH_BYTES} bytes.`, { connection: 'close' });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
