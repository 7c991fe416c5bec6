import { describe, expect, it } from 'vitest'
import { heldPaper } from '../../../knowledge/answer/without-held-clause.ts'
import { usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

describe('a paper already held', () => {
  it('is read from "(đã) có … rồi" opening the message', () => {
    expect(heldPaper('có giấy chứng sinh của bệnh viện rồi, giờ làm gì tiếp')).toBe(
      'giấy chứng sinh của bệnh viện',
    )
    expect(heldPaper('nhà em đã có quyết định ly hôn của tòa rồi thì làm gì nữa')).toBe(
      'quyết định ly hôn của tòa',
    )
    expect(heldPaper('co giay bao tu roi thi lam gi tiep')).toBe('giay bao tu')
    expect(heldPaper('đăng ký khai sinh cần gì')).toBeNull()
  })

  const portal = usePortalKnowledgeBase()
  const offered = async (q: string) => {
    const reply = await portal.kb.answer(q)
    return { kind: reply.kind, codes: (reply.candidates ?? []).map((c) => c.code), text: reply.text }
  }

  it('offers the procedures whose papers name it, the plain one for citizens first', async () => {
    // it was offered a health-insurance payment found by the paper's words
    const birth = await offered('có giấy chứng sinh của bệnh viện rồi, giờ làm gì tiếp')
    expect(birth.kind).toBe('clarify')
    expect(birth.codes[0]).toBe('1.001193')
    expect(birth.text).toContain('giấy tờ này được nộp khi làm')
    const death = await offered('co giay bao tu roi thi lam gi tiep')
    expect(death.codes[0]).toBe('1.000656')
    expect((await offered('đã có quyết định ly hôn của tòa rồi thì làm gì nữa')).codes).toContain('2.000554')
  })

  it('leaves a request said after the paper to be answered as asked', async () => {
    expect(await portal.kb.answer('có giấy chứng sinh rồi, muốn làm khai sinh cho con')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.001193' },
    })
  })

  it('is not read within a conversation, where "làm gì tiếp" follows the procedure shown', async () => {
    const reply = await portal.kb.answer('có giấy chứng sinh rồi, giờ làm gì tiếp', {
      procedureCode: '1.001193',
    })
    expect(reply.text).not.toContain('giấy tờ này được nộp khi làm')
  })
})

describe('the procedures a paper held is used for', () => {
  const portal = usePortalKnowledgeBase()

  it('are read with three of its words at least, and not when too many procedures take it', async () => {
    // "có con rồi thì làm gì": a child is no paper the records list
    expect((await portal.kb.answer('có con rồi thì làm gì')).text).not.toContain(
      'giấy tờ này được nộp khi làm',
    )
    // more than eight procedures take a building permit: it says too little
    expect((await portal.kb.answer('có giấy phép xây dựng rồi giờ làm gì tiếp')).text).not.toContain(
      'giấy tờ này được nộp khi làm',
    )
  })
})
