import { expect, it } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal } from '../../helpers/portal-knowledge-base.ts'
import { eachAnswer } from '../../helpers/portal-question-tables.ts'

/**
 * Papers described by how they look or what they are for instead of named (knowledge/data/synonyms.json):
 * the pink or red book is the land certificate, the paper to go abroad is the passport; the office papers are
 * handed in at ("bộ phận một cửa") is where, not what.
 */
describeOnPortal('papers described instead of named, on the portal export', (portal) => {
  eachAnswer(portal, [
    'cuốn sổ màu hồng bị mất phải làm sao',
    'sổ bìa đỏ bị cháy một góc, xin cấp lại ở đâu',
  ])('"%s" is the land certificate re-issued after a loss or damage', (answer, question) => {
    expect(answer.kind, question).toBe('answer')
    expect(answer.procedure?.name, question).toMatch(/Cấp lại Giấy chứng nhận|Cấp đổi Giấy chứng nhận/)
  })

  eachAnswer(portal, [
    'cái giấy để đi nước ngoài làm ở đâu',
    'giấy tờ để đi nước ngoài du lịch gồm những gì',
  ])('"%s" is the passport', (answer, question) => {
    expect(answer.kind, question).toBe('answer')
    expect(answer.procedure?.name, question).toMatch(/^Cấp hộ chiếu phổ thông/)
  })

  eachAnswer(portal, ['chỗ một cửa ở xã có nhận làm sổ đỏ không', 'bộ phận một cửa xã có làm sổ đỏ không'])(
    '"%s" is about the land certificate, not a vehicle registration',
    (answer, question) => {
      expect(['answer', 'clarify'], question).toContain(answer.kind)
      for (const o of [answer.procedure, ...(answer.candidates ?? [])].filter(Boolean))
        expect(o?.name, question).toMatch(/Giấy chứng nhận|đất đai/)
    },
  )

  eachAnswer(portal, [
    'Thẻ căn cước công dân gắn chip của bố em bị gãy đôi, giờ mang ra công an huyện Đông Anh đổi cái mới thì làm thế nào ạ?',
  ])('"%s": the police named as where to go, the card is what is asked', (answer) => {
    expect(offeredCodes(answer)[0]).toBe('1.014063')
  })

  eachAnswer(portal, [
    'Bằng lái ô tô của tôi là loại bìa giấy cũ, sắp hết hạn thì đổi ở Sở Giao thông vận tải hay chỗ nào?',
    'đổi bằng lái giấy sang thẻ pet ở đâu',
  ])('"%s": a paper licence to exchange is the licence exchange', (answer) => {
    expect(offeredCodes(answer)[0]).toBe('3.000347')
  })

  it.each([
    ['cuon so xanh de di nuoc ngoai lam online duoc khong', '1.001456'],
    ['xin giấy chứng nhận hộ khẩu để nộp hồ sơ ở đâu', '1.010041'],
    ['bố mẹ muốn cắt mảnh đất 200m2 ra làm hai sổ riêng thì làm gì', '1.012784'],
    ['mở cửa hàng bán thuốc cho heo gà thì xin giấy chứng nhận gì', '1.001686'],
    [
      'mỏ đá cần chở thuốc nổ công nghiệp từ kho về mỏ, phải có cái giấy đi đường cho xe, xin thế nào',
      '1.013425',
    ],
  ])('"%s" offers %s first', async (question, code) => {
    // the passport, the residence confirmation (CT07), splitting a plot, selling veterinary drugs, moving explosives
    const answer = await portal.kb.answer(question, {})
    expect(answer.procedure?.code ?? answer.candidates?.[0]?.code).toBe(code)
  })

  eachAnswer(portal, ['mất cái giấy để đi nước ngoài rồi báo ở đâu'])(
    '"%s" reports the lost passport',
    (answer) => {
      expect(answer.kind).toBe('answer')
      expect(answer.procedure?.name).toMatch(/^Trình báo mất hộ chiếu/)
    },
  )
})

/**
 * Receiving the result asked in everyday words ("bao lâu thì lấy được", "sau khi nộp"): the time asked,
 * not a procedure that takes a paper back ("Thu hồi Giấy chứng nhận").
 */
describeOnPortal('when the result can be collected, on the portal export', (portal) => {
  eachAnswer(portal, ['bao lâu thì lấy được sổ đỏ sau khi nộp', 'nộp hồ sơ xong thì bao lâu lấy được sổ đỏ'])(
    '"%s" asks the land certificate’s time',
    (answer, question) => {
      expect(answer.facet, question).toBe('duration')
      for (const o of [answer.procedure, ...(answer.candidates ?? [])].filter(Boolean))
        expect(o?.name, question).not.toMatch(/^Thu hồi/)
    },
  )
})
