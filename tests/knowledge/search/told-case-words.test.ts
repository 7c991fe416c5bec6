import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { itRanksFirst } from '../../helpers/portal-question-tables.ts'

/**
 * Everyday words that tell the case (knowledge/data/synonyms.json): a birth certificate written wrong is
 * corrected through the civil-status change even when the message compares it with the identity card.
 */
describeOnPortal('told cases on the portal export', (portal) => {
  itRanksFirst(
    portal,
    '"%s" finds %s first',
    [
      ['con tôi giấy khai sinh bị sai tên đệm so với hộ chiếu, muốn cải chính', '1.004859'],
      ['giay khai sinh ghi sai que quan so voi can cuoc, cai chinh o dau', '1.004859'],
      ['cải chính giấy khai sinh cho con vì sai dân tộc so với căn cước của mẹ', '1.004859'],
    ],
    { limit: 1 },
  )
})
