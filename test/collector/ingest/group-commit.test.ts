import { describe, expect, it } from 'vitest';
import { createGroupCommitter, QueueFullError } from '../../../collector/ingest/group-commit';
import type { AcceptedBatch } from '../../../collector/storage/batch-sql';

const batch = (batchId: string): AcceptedBatch => ({ districtId: 1, batchId, orgId: 'school-1', counts: [] });

describe('group commit', () => {
  it('writes the batches that arrive during a write together in the next one', async () => {
    const groups: string[][] = [];
    let release!: () => void;
    const firstWrite = new Promise<void>((resolve) => (release = resolve));
    const committer = createGroupCommitter(async (batches) => {
      groups.push(batches.map((b) => b.batchId));
      if (groups.length === 1) await firstWrite;
      return batches.map(() => true);
    });
    const first = committer.submit(batch('a'));
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['b', 'c', 'd'].map((id) => committer.submit(batch(id)));
    release();
    expect(await Promise.all([first, ...later])).toEqual([true, true, true, true]);
    expect(groups).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('settles a caller only after the write holding its batch has finished', async () => {
    let finished = false;
    const committer = createGroupCommitter(async (batches) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished = true;
      return batches.map(() => false);
    });
    expect(await committer.submit(batch('a'))).toBe(false);
    expect(finished).toBe(true);
  });

  it('retries a failed group one by one, so only the bad batch fails', async () => {
    const committer = createGroupCommitter(async (batches) => {
      if (batches.some((b) => b.batchId === 'poison')) throw new Error('constraint failed');
      return batches.map(() => true);
    });
    const results = await Promise.allSettled(['a', 'poison', 'b'].map((id) => committer.submit(batch(id))));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('refuses new batches when too many are waiting', async () => {
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const committer = createGroupCommitter(
      async (batches) => {
        await blocked;
        return batches.map(() => true);
      },
      { maxQueued: 2, maxBatchesPerCommit: 1 },
    );
    const accepted = [committer.submit(batch('a'))];
    await new Promise((resolve) => setImmediate(resolve));
    accepted.push(committer.submit(batch('b')), committer.submit(batch('c')));
    await expect(committer.submit(batch('d'))).rejects.toBeInstanceOf(QueueFullError);
    release();
    expect(await Promise.all(accepted)).toEqual([true, true, true]);
    await committer.drain();
  });
});
