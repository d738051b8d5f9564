import type pg from 'pg';
import type { FoldHold } from './sqlite-store-core.mjs';

export function foldOnPostgres(pool: pg.Pool, limit: number, wait: boolean, ceiling: number, hold?: FoldHold): Promise<number>;
