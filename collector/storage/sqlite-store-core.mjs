const INSERT_LOG = 'insert into report_log (batches, entries) values (?, ?)';

/**
 * The SQLite batch store's transaction: plain JavaScript, so the collector's writer thread runs it
 * without a TypeScript loader; in-process callers use it too (sqlite-writer.ts).
 * Per batch its batchId; per group one log row with the new batches' entries (sqlite-fold.mjs folds
 * them). Returns, per input batch, true when stored now, false when its batchId was known to its
 * district (before, or earlier in the list).
 */
export function createSqliteStore(sqlite, { batchSql }) {
  const insertBatch = sqlite.prepare(batchSql);
  const insertLog = sqlite.prepare(INSERT_LOG);
  return sqlite.transaction((entries) => {
    const seen = new Set();
    const logged = [];
    const stored = entries.map((entry) => {
      const key = `${entry.districtId}|${entry.batchId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      if (insertBatch.run(entry.batchId, entry.districtId).changes !== 1) return false;
      logged.push(entry.entry);
      return true;
    });
    if (logged.length > 0) insertLog.run(logged.length, `[${logged.join(',')}]`);
    return stored;
  });
}

/** The connection settings of open-database.ts, for connections opened outside it. */
export function tuneSqlite(sqlite) {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoint the WAL less often (each one syncs the database file); 16 MB of page cache.
  sqlite.pragma('wal_autocheckpoint = 4000');
  sqlite.pragma('cache_size = -16000');
}
