import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../../collector/storage/store-batches';
import { ENGINES, freshDatabase } from '../support/databases';
import { threadNames } from '../support/thread-names';

const postgres = ENGINES.find((engine) => engine.name === 'postgres')!;

describe.skipIf(postgres.skip || process.platform !== 'linux')('the PostgreSQL fold thread', () => {
  it('is named after its file for `top -H`, and ends when the writer closes', async () => {
    const database = await freshDatabase('postgres');
    try {
      const writer = createBatchWriter(database);
      await writer.fold(100, true);
      expect(threadNames()).toContain('postgres-fold');
      await writer.close();
      expect(threadNames()).not.toContain('postgres-fold');
    } finally {
      await database.drop();
    }
  });
});
