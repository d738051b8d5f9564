import type { ReportBatch } from '../../protocol/report';
import type { AcceptedBatch } from '../storage/batch-sql';
import type { TokenGrant } from '../storage/tokens';

export type Acceptance = { ok: true; batch: AcceptedBatch } | { ok: false; status: 403; reason: string };

/**
 * The orgId a token's reports are stored under: a school token writes only its own orgId (a batch
 * without an orgId is that school's), a district token any orgId of its district.
 */
export function orgIdForGrant(grant: TokenGrant, asked: string): { ok: true; orgId: string } | { ok: false; status: 403; reason: string } {
  const orgId = asked === '' && grant.orgId !== null ? grant.orgId : asked;
  if (grant.orgId !== null && orgId !== grant.orgId) {
    return { ok: false, status: 403, reason: `This token belongs to one school and may not write orgId "${orgId}".` };
  }
  return { ok: true, orgId };
}

/**
 * What a valid batch becomes once its token is known (DESIGN §6, §7): the district comes from the
 * token, the batchId is compared lower-cased (so any letter case is the same batch), and the
 * orgId is the token's to write.
 */
export function acceptBatch(grant: TokenGrant, batch: ReportBatch): Acceptance {
  const owner = orgIdForGrant(grant, batch.orgId);
  if (!owner.ok) return owner;
  return { ok: true, batch: { districtId: grant.districtId, batchId: batch.batchId.toLowerCase(), orgId: owner.orgId, counts: batch.counts, visits: batch.v === 2 ? batch.visits : [] } };
}
