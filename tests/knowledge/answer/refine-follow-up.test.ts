import { expect, it } from 'vitest'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

/**
 * A short follow-up that names only a case ("với người nước ngoài") is read with the procedure the
 * conversation is about, so the citizen gets that procedure's variant, not "the records do not cover it".
 */
describeOnPortal('a follow-up that names a case (the shipped export)', (portal) => {
  it('gives the variant of the conversation’s procedure for the case named', async () => {
    const marriage = { procedureCode: '1.000894' }
    expect(kindAndCode(await portal.kb.answer('với người nước ngoài', marriage))).toEqual({
      kind: 'answer',
      code: '2.000806',
    })
    // alone, the same words name no procedure
    expect((await portal.kb.answer('với người nước ngoài', {})).kind).not.toBe('answer')
    // a country named for the foreign party is the same case, also after "Việt kiều"
    for (const question of ['với người Hàn Quốc', 'vợ tôi Việt kiều Mỹ', 'chồng là viet kieu uc']) {
      expect(kindAndCode(await portal.kb.answer(question, marriage)), question).toEqual({
        kind: 'answer',
        code: '2.000806',
      })
    }
  })

  it('gives the conversation’s variant for a case that alone reads as another procedure', async () => {
    const birth = { procedureCode: '1.001193' }
    for (const question of ['bố mẹ chưa đăng ký kết hôn thì sao', 'bố mẹ không có đăng ký kết hôn thì sao']) {
      // alone, the marriage is what the words name
      expect(kindAndCode(await portal.kb.answer(question, {})), question).toEqual({
        kind: 'answer',
        code: '1.000894',
      })
      expect(kindAndCode(await portal.kb.answer(question, birth)), question).toEqual({
        kind: 'answer',
        code: '1.000689',
      })
    }
    // within the marriage itself, the words still ask about the marriage
    expect(
      kindAndCode(
        await portal.kb.answer('bố mẹ chưa đăng ký kết hôn thì sao', { procedureCode: '1.000894' }),
      ),
    ).toEqual({ kind: 'answer', code: '1.000894' })
    // a new question naming its own procedure is not bent to the conversation's
    expect(kindAndCode(await portal.kb.answer('làm lại thẻ căn cước bị mất', birth))).toEqual({
      kind: 'answer',
      code: '1.014064',
    })
  })

  it('keeps the conversation’s procedure for an age that alone reads as another paper', async () => {
    // alone, "cho người dưới 14 tuổi" is the identity card for a child
    expect(kindAndCode(await portal.kb.answer('cho người dưới 14 tuổi', {}))).toEqual({
      kind: 'answer',
      code: '1.014062',
    })
    expect(
      kindAndCode(await portal.kb.answer('cho người dưới 14 tuổi', { procedureCode: '1.001456' })),
    ).toEqual({
      kind: 'answer',
      code: '1.001456',
    })
  })

  it('never reads a company as a case of a household business', async () => {
    const answer = await portal.kb.answer('còn công ty thì sao', { procedureCode: '1.001612' })
    expect(answer.procedure?.code).not.toBe('1.001612')
    expect((answer.candidates ?? []).map((c) => c.code)).not.toContain('1.001612')
  })

  it('reads how many copies to bring as the papers of the conversation’s procedure', async () => {
    const answer = await portal.kb.answer('cần mấy bản sao', { procedureCode: '1.000894' })
    expect(kindAndCode(answer)).toEqual({ kind: 'answer', code: '1.000894' })
    expect(answer.facet).toBe('documents')
  })

  it('reads "phải làm gì", "giờ phải làm sao", "rồi sao nữa" as asking how to go on with it', async () => {
    const lost = { procedureCode: '1.010386' }
    for (const question of ['phải làm gì', 'giờ phải làm sao', 'rồi sao nữa'])
      expect(kindAndCode(await portal.kb.answer(question, lost)), question).toEqual({
        kind: 'answer',
        code: '1.010386',
      })
    // thanks, the assistant's name and an everyday question are still what they are
    expect((await portal.kb.answer('cảm ơn', lost)).kind).toBe('smalltalk')
    expect((await portal.kb.answer('bạn tên là gì', lost)).kind).toBe('smalltalk')
    expect((await portal.kb.answer('thời tiết hôm nay thế nào', lost)).kind).toBe('not_found')
  })

  it('keeps to the conversation’s procedure for a part asked, and answers a new question on its own', async () => {
    const marriage = { procedureCode: '1.000894' }
    expect(kindAndCode(await portal.kb.answer('mất bao lâu', marriage))).toEqual({
      kind: 'answer',
      code: '1.000894',
    })
    expect(kindAndCode(await portal.kb.answer('làm lại thẻ căn cước bị mất', marriage))).toEqual({
      kind: 'answer',
      code: '1.014064',
    })
  })

  it('keeps the conversation’s procedure when it covers the case, and never reads a new thing as a case', async () => {
    // "Đăng ký, cấp biển số xe lần đầu …" is for any vehicle: a car is not a customs procedure
    expect(kindAndCode(await portal.kb.answer('còn xe ô tô thì sao', { procedureCode: '1.013067' }))).toEqual(
      {
        kind: 'answer',
        code: '1.013067',
      },
    )
    expect(
      kindAndCode(await portal.kb.answer('cho người dưới 14 tuổi', { procedureCode: '1.014061' })),
    ).toEqual({
      kind: 'answer',
      code: '1.014062',
    })
    const other = await portal.kb.answer('còn cấp giấy phép xây dựng thì sao', { procedureCode: '1.000894' })
    expect(other.procedure?.code).not.toBe('1.000894')
    expect((other.candidates ?? []).map((c) => c.code)).not.toContain('1.000894')
  })
  it('moves to the sibling that does an action the conversation’s procedure does not do', async () => {
    // "mất rồi" after a child's first card: its re-issue, never the first issue again
    expect(kindAndCode(await portal.kb.answer('mất rồi', { procedureCode: '1.014062' }))).toEqual({
      kind: 'answer',
      code: '1.014064',
    })
    // after the licence's exchange: its re-issue
    expect(kindAndCode(await portal.kb.answer('mất rồi thì sao', { procedureCode: '3.000347' }))).toEqual({
      kind: 'answer',
      code: '3.000348',
    })
  })

  it('stays on the conversation’s procedure for a case it covers that finds nothing better', async () => {
    // burnt is lost: the certificate's re-issue, not other licences' re-issues
    expect(kindAndCode(await portal.kb.answer('bị cháy mất', { procedureCode: '1.012786' }))).toEqual({
      kind: 'answer',
      code: '1.012786',
    })
    // a late birth registration is the birth registration
    expect(
      kindAndCode(await portal.kb.answer('cho con 2 tuổi chưa làm thì sao', { procedureCode: '1.001193' })),
    ).toEqual({ kind: 'answer', code: '1.001193' })
  })

  it('stays on the conversation’s procedure for a short follow-up whose words its record holds', async () => {
    // alone, each found nothing sure: a question among unrelated licences, or nothing
    const cases: [string, string][] = [
      ['ở tỉnh khác thì sao', '1.013067'],
      ['bằng giấy cũ', '3.000347'],
      // the people a story tells of ("hai đứa": the couple) are no thing of their own
      ['hai đứa khác tỉnh thì nộp ở đâu', '1.000894'],
    ]
    for (const [question, code] of cases) {
      expect((await portal.kb.answer(question, {})).kind, question).not.toBe('answer')
      expect(kindAndCode(await portal.kb.answer(question, { procedureCode: code })), question).toEqual({
        kind: 'answer',
        code,
      })
    }
    // a paper asked about is looked up in the record's papers, the part that names it quoted
    const drawing = await portal.kb.answer('có cần bản vẽ không', { procedureCode: '1.013225' })
    expect(kindAndCode(drawing)).toEqual({ kind: 'answer', code: '1.013225' })
    expect(drawing.text.split('\n')[0]).toMatch(/^Có, hồ sơ cần có: .*bản vẽ/)
    // words the record does not hold leave the message to itself
    const food = await portal.kb.answer('vệ sinh an toàn thực phẩm thì sao', { procedureCode: '1.001612' })
    expect(food.procedure?.code).not.toBe('1.001612')
  })

  it('answers the sibling a short follow-up names by what tells it apart', async () => {
    // after the licence's exchange, "bằng quốc tế" is the international licence (before: the exchange again)
    const exchange = { procedureCode: '3.000347' }
    expect(kindAndCode(await portal.kb.answer('bằng quốc tế', exchange))).toEqual({
      kind: 'answer',
      code: '3.000353',
    })
    const where = await portal.kb.answer('còn bằng quốc tế thì làm ở đâu', exchange)
    expect(kindAndCode(where)).toEqual({ kind: 'answer', code: '3.000353' })
    expect(where.facet).toBe('where')
  })

  it('says the records do not do an action to the conversation’s object, with its procedures as related', async () => {
    // before: a question among the extensions of a residence and of taxes
    const reply = await portal.kb.answer('gia hạn được không', { procedureCode: '1.001456' })
    expect(reply.kind).toBe('not_found')
    expect(offeredCodes(reply)).toContain('1.001456')
    expect(reply.text).toMatch(/gia hạn/)
  })

  it('reads a paper asked about as one of the conversation’s procedure, and says when its papers do not name it', async () => {
    // before: the permanent residence, which "hộ khẩu" alone names
    const card = { procedureCode: '1.014064' }
    const reply = await portal.kb.answer('có cần mang theo hộ khẩu không', card)
    expect(kindAndCode(reply)).toEqual({ kind: 'answer', code: '1.014064' })
    expect(reply.facet).toBe('documents')
    expect(reply.text.split('\n')[0]).toMatch(/^Không thấy trong thành phần hồ sơ/)
  })

  it('stays on the conversation’s procedure for its object named again, and for an expiry its reading renews', async () => {
    // "bằng A1" reads as the licence: after its exchange, still the exchange (before: the first issue)
    expect(kindAndCode(await portal.kb.answer('bang A1', { procedureCode: '3.000347' }))).toEqual({
      kind: 'answer',
      code: '3.000347',
    })
    // a passport that expired is renewed by a new issue (before: a question among land leases)
    expect(kindAndCode(await portal.kb.answer('het han roi', { procedureCode: '1.001456' }))).toEqual({
      kind: 'answer',
      code: '1.001456',
    })
  })

  it('leaves a follow-up naming another thing, or a topic the records lack, to itself', async () => {
    // "còn ly hôn" after the marriage is the divorce's own record, not the marriage again
    const divorce = await portal.kb.answer('vậy còn ly hôn', { procedureCode: '1.000894' })
    expect(divorce.procedure?.code).not.toBe('1.000894')
    expect(offeredCodes(divorce)).toContain('2.000554')
    // a visa abroad after the passport: the records do not cover it (before: the passport again)
    const visa = await portal.kb.answer('ok cảm ơn, còn visa đi Mỹ thì sao', { procedureCode: '1.001456' })
    expect(visa.kind).toBe('not_found')
    // a visa is not the passport: the message alone asks among the visas
    const visas = await portal.kb.answer('còn visa thì sao', { procedureCode: '1.001456' })
    expect(visas.procedure?.code).not.toBe('1.001456')
    // "cái đó" points at the conversation's procedure (before: a question among cattle-breeding aids)
    const that = await portal.kb.answer('cái đó mất bao lâu', { procedureCode: '3.000347' })
    expect(kindAndCode(that)).toEqual({ kind: 'answer', code: '3.000347' })
    expect(that.facet).toBe('duration')
  })

  it('reads a remark beside the conversation as small talk or out of scope, not as the procedure again', async () => {
    const birth = { procedureCode: '1.001193' }
    const passport = { procedureCode: '1.001456' }
    const cases: [string, object][] = [
      // before: the birth registration's answer again ("quá" is in its record, as in "quá hạn")
      ['mệt quá', birth],
      ['met qua', birth],
      // before: a question among unrelated procedures
      ['hôm nay trời đẹp nhỉ', passport],
      ['ok để tôi xem', passport],
      ['nói ngắn gọn thôi', passport],
    ]
    for (const [question, context] of cases) {
      const reply = await portal.kb.answer(question, context)
      expect(['smalltalk', 'not_found'], question).toContain(reply.kind)
      expect(reply.candidates ?? [], question).toEqual([])
    }
    // small talk there says how to go on with the conversation's procedure, not the greeting
    expect((await portal.kb.answer('mệt quá', birth)).text).toBe(
      'Bạn cần hỏi thêm về thủ tục "đăng ký khai sinh" (giấy tờ, lệ phí, thời hạn, nơi nộp) hay một thủ tục khác, cứ nhắn cho tôi.',
    )
    // the same words but a case, a part or the record's own words stay follow-ups
    expect(kindAndCode(await portal.kb.answer('mất rồi', { procedureCode: '1.014064' }))).toEqual({
      kind: 'answer',
      code: '1.014064',
    })
    expect(kindAndCode(await portal.kb.answer('con tôi 2 tuổi rồi', birth))).toEqual({
      kind: 'answer',
      code: '1.001193',
    })
    expect(kindAndCode(await portal.kb.answer('làm online được không', passport))).toEqual({
      kind: 'answer',
      code: '1.001456',
    })
  })

  it('asks, with the foreigner’s procedure first, when the follow-up names a foreigner the procedure is not for', async () => {
    const answer = await portal.kb.answer('người nước ngoài thì sao', { procedureCode: '1.004194' })
    expect(answer.kind).toBe('clarify')
    expect(offeredCodes(answer)[0]).toBe('1.000253')
  })

  it('stays on the conversation’s procedure for where the citizen is going, not a case of living or being born there', async () => {
    const passport = { procedureCode: '1.001456' }
    for (const question of [
      'đi Hàn Quốc',
      'sắp sang Nhật Bản du lịch',
      'để đi Đài Loan xuất khẩu lao động',
    ]) {
      const answer = await portal.kb.answer(question, passport)
      expect(kindAndCode(answer), question).toEqual({ kind: 'answer', code: '1.001456' })
    }
    const record = await portal.kb.answer('để đi Nhật làm việc', { procedureCode: '3.000333' })
    expect(kindAndCode(record)).toEqual({ kind: 'answer', code: '3.000333' })
    // (before: small talk, a remark beside the conversation; a country is a place)
    expect((await portal.kb.answer('ở Hàn Quốc', { procedureCode: '1.000894' })).kind).not.toBe('smalltalk')
    // born there is a case: never the domestic birth registration, the foreign one first
    // (and told with the child after the verb: "sinh con ở Nhật thì sao")
    for (const question of [
      'con sinh bên Nhật',
      'con sinh ở Nhật',
      'bé sinh ở nước ngoài',
      'sinh con ở Nhật thì sao',
      'đẻ con bên Hàn',
    ]) {
      const born = await portal.kb.answer(question, { procedureCode: '1.001193' })
      expect(born.procedure?.code, question).not.toBe('1.001193')
      expect(offeredCodes(born)[0], question).toBe('2.000528')
    }
  })

  it('picks the one option a reply’s word names, though the reply says more than its name', async () => {
    const permits = await portal.kb.answer('xin giấy phép xây dựng')
    expect(permits.kind).toBe('clarify')
    const candidateCodes = (permits.candidates ?? []).map((c) => c.code)
    expect(candidateCodes).toContain('1.013225')
    // (before: small talk; only the houses' permit names "nhà")
    const house = await portal.kb.answer('nhà 3 tầng', { candidateCodes })
    expect(kindAndCode(house)).toEqual({ kind: 'answer', code: '1.013225' })
  })

  it('reads whether the procedure is needed in a case as asked of it, not of a name holding the case’s words', async () => {
    const permits = await portal.kb.answer('xin giấy phép xây dựng')
    const candidateCodes = (permits.candidates ?? []).map((c) => c.code)
    // (before: the planning information "… đô thị và nông thôn" as if sure)
    const rural = await portal.kb.answer('ở nông thôn có cần không', { candidateCodes })
    expect(rural.kind).toBe('clarify')
    expect(offeredCodes(rural)).toContain('1.013225')
    // a fact told still decides among the options
    const card = await portal.kb.answer('làm căn cước cho con')
    const cardCodes = (card.candidates ?? []).map((c) => c.code)
    const child = await portal.kb.answer('con 5 tuổi có cần làm không', { candidateCodes: cardCodes })
    expect(kindAndCode(child)).toEqual({ kind: 'answer', code: '1.014062' })
    // (a message naming its own procedure is that procedure: "làm hộ chiếu có cần không")
    const passport = await portal.kb.answer('làm hộ chiếu có cần không', { candidateCodes: cardCodes })
    expect(kindAndCode(passport)).toEqual({ kind: 'answer', code: '1.001456' })
    const afterBirth = await portal.kb.answer('làm hộ chiếu có cần không', { procedureCode: '1.001193' })
    expect(kindAndCode(afterBirth)).toEqual({ kind: 'answer', code: '1.001456' })
    // after an answer, the conversation's procedure in the case told
    const cases: [string, string][] = [
      ['2.001159', 'khách ở 1 đêm có phải báo không'],
      ['1.001612', 'bán trà đá vỉa hè có cần đăng ký không'],
    ]
    for (const [procedureCode, question] of cases)
      expect(kindAndCode(await portal.kb.answer(question, { procedureCode })), question).toEqual({
        kind: 'answer',
        code: procedureCode,
      })
  })

  it('reads business lines added as a change of the household business, and a paper asked about as one of its papers', async () => {
    const lines = await portal.kb.answer('thêm ngành nghề', { procedureCode: '1.001612' })
    expect(lines.kind).not.toBe('smalltalk')
    expect(offeredCodes(lines)[0]).toBe('2.000720')
    const paper = await portal.kb.answer('cần giấy khám sức khỏe không', { procedureCode: '1.000894' })
    expect(kindAndCode(paper)).toEqual({ kind: 'answer', code: '1.000894' })
    expect(paper.text.split('\n')[0]).toMatch(/^Không thấy trong thành phần hồ sơ/)
  })

  it('reads an old person after the identity card’s options as the card from 14 years up', async () => {
    const card = await portal.kb.answer('làm căn cước')
    const candidateCodes = (card.candidates ?? []).map((c) => c.code)
    // (before: outside the records)
    const old = await portal.kb.answer('cho người già không đi được', { candidateCodes })
    expect(kindAndCode(old)).toEqual({ kind: 'answer', code: '1.014061' })
  })

  it('reads a correction, a loss and a household business’s changes against the conversation', async () => {
    const cases: [string, string, string][] = [
      // a correction after the answer: "ý em là", "à không", an opening "thôi,"
      ['1.014064', 'à không, ý em là đổi vì hết hạn', '1.014063'],
      ['1.004222', 'thôi, tạm trú thôi', '1.004194'],
      // a paper named before a "mất" that ends the clause, and its everyday name ("bằng" of "bằng lái")
      ['3.000347', 'thế bằng mất thì sao', '3.000348'],
      // a household business's change, not a company's
      ['1.001570', 'thêm ngành nghề thì sao', '2.000720'],
      // an action the registration does not do, of a thing its record speaks of ("chủ hộ")
      ['1.001612', 'thay đổi chủ hộ', '2.000720'],
      // ending the business after its suspension is its end, not the suspension again
      ['1.001570', 'chấm dứt luôn thì sao', '1.001266'],
      ['1.001570', 'giải thể luôn thì sao', '1.001266'],
      ['1.001570', 'thế muốn đóng cửa hẳn thì sao', '1.001266'],
      // what a household business's registration is asked to change is the household business's
      ['1.001612', 'thay đổi ngành nghề thì sao', '2.000720'],
    ]
    for (const [procedureCode, question, code] of cases)
      expect(kindAndCode(await portal.kb.answer(question, { procedureCode })), question).toEqual({
        kind: 'answer',
        code,
      })
    // a duration after "mất" is no loss
    expect(
      kindAndCode(await portal.kb.answer('hộ chiếu mất 5 ngày à', { procedureCode: '1.001456' })),
    ).toEqual({
      kind: 'answer',
      code: '1.001456',
    })
  })
})
