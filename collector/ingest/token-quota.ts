import { sql, type Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import type { TokenGrant } from '../storage/tokens';

/**
 * Per-token quotas for one UTC day (DESIGN §7): rows a token may add, and orgIds new to its
 * district it may introduce (what fills a disk: each new orgId can bring ~4,000 cells). Counted in
 * memory by each collector process; N collectors sharing one database allow up to N times as much.
 * A batch over quota gets 429 until the next day: the extension keeps it and retries, nothing lost.
 */
export const DEFAULT_QUOTAS = {
  school: { rowsPerDay: 20_000, newOrgsPerDay: 1 },
  district: { rowsPerDay: 200_000, newOrgsPerDay: 30 },
};

export type QuotaVerdict = { ok: true; release: () => void } | { ok: false; reason: string; retryAfterSeconds: number };

interface Usage {
  /** The UTC day, as days since 1970. */
  day: number;
  rows: number;
  newOrgs: number;
}

export class TokenQuotas {
  private readonly usage = new Map<string, Usage>();
  private readonly known = new Map<number, Promise<Set<string>>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reserves a batch's rows (and its orgId if new); `release` gives them back when it was not stored. */
  async take(tokenHash: string, grant: TokenGrant, orgId: string, rows: number): Promise<QuotaVerdict> {
    const limits = grant.orgId === null ? DEFAULT_QUOTAS.district : DEFAULT_QUOTAS.school;
    const rowsPerDay = grant.rowsPerDay ?? limits.rowsPerDay;
    const newOrgsPerDay = grant.newOrgsPerDay ?? limits.newOrgsPerDay;
    const known = await this.knownOrgIds(grant.districtId);
    const usage = this.usageOf(tokenHash);
    const isNew = !known.has(orgId);
    if (usage.rows + rows > rowsPerDay) return this.refuse(`This token may add ${rowsPerDay} rows a day; retry tomorrow.`);
    if (isNew && usage.newOrgs + 1 > newOrgsPerDay) return this.refuse(`This token may bring ${newOrgsPerDay} new orgIds a day; retry tomorrow.`);
    usage.rows += rows;
    if (isNew) {
      usage.newOrgs += 1;
      known.add(orgId);
    }
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const current = this.usageOf(tokenHash);
        if (current !== usage) return;
        usage.rows -= rows;
      },
    };
  }

  private usageOf(tokenHash: string): Usage {
    const day = Math.floor(this.now().getTime() / 86_400_000);
    let usage = this.usage.get(tokenHash);
    if (usage?.day !== day) {
      if (usage && this.usage.size > 10_000) this.usage.clear();
      usage = { day, rows: 0, newOrgs: 0 };
      this.usage.set(tokenHash, usage);
    }
    return usage;
  }

  /** The orgIds a district has counts for, read once per process and kept up to date here. */
  private knownOrgIds(districtId: number): Promise<Set<string>> {
    let known = this.known.get(districtId);
    if (!known) {
      known = sql<{ org_id: string }>`select distinct org_id from school_weeks where district_id = ${districtId}`
        .execute(this.db)
        .then((result) => new Set(result.rows.map((row) => row.org_id)));
      known.catch(() => this.known.delete(districtId));
      this.known.set(districtId, known);
    }
    return known;
  }

  private refuse(reason: string): QuotaVerdict {
    const now = this.now();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return { ok: false, reason, retryAfterSeconds: Math.max(60, Math.ceil((midnight - now.getTime()) / 1000)) };
  }
}
