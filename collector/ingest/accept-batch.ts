import type { ReportBatch } from '../../protocol/report';
import type { AcceptedBatch } from '../storage/batch-sql';
import type { TokenGrant } from '../storage/tokens';

export type Acceptance = { ok: true; batch: AcceptedBatch } | { ok: false; status: 403; reason: string };

/**
 * What a valid batch becomes once its token is known (DESIGN §6, §7): the district comes from the
 * token, the batchId is compared lower-cased (so any letter case is the same batch), and a school
 * token writes only its own orgId (a batch without an orgId is that school's).
 */
export function acceptBatch(grant: TokenGrant, batch: ReportBatch): Acceptance {
  const orgId = batch.orgId === '' && grant.orgId !== null ? grant.orgId : batch.orgId;
  if (grant.orgId !== null && orgId !== grant.orgId) {
    return { ok: false, status: 403, reason: `This token belongs to one school and may not write orgId "${orgId}".` };
  }
  return { ok: true, batch: { districtId: grant.districtId, batchId: batch.batchId.toLowerCase(), orgId, counts: batch.counts, visits: batch.v === 2 ? batch.visits : [] } };
}
