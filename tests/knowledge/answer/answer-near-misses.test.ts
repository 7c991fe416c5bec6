import { describe, expect, it } from 'vitest'
import { createProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { expandQuery } from '../../../knowledge/search/expand-query.ts'
import { loadSynonyms } from '../../../knowledge/search/load-synonyms.ts'
import { exportNames } from '../../helpers/export-names.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal, usePortalKnowledgeBase } from '../../helpers/portal-knowledge-base.ts'

const synonyms = loadSynonyms()
const actions = createProcedureActions()
const traits = (question: string) => actions.ofQuestion(expandQuery(question, synonyms).tokens)
const nameOf = (code: string) => exportNames.get(code) ?? ''

/** The inspection certificate for motor vehicles: "… cho xe cơ giới (trừ xe mô tô, xe gắn máy)". */
const CAR_INSPECTION = '1.005103'

describe('replies that keep the right procedure the search found', () => {
  it('reads a name’s "(trừ …)" clause as what the procedure is not for', () => {
    expect(nameOf(CAR_INSPECTION)).toContain('(trừ xe mô tô, xe gắn máy)')
    const name = actions.ofName(nameOf(CAR_INSPECTION))
    expect(name.qualifiers.has('vehicle')).toBe(false)
    expect([...(name.excluded?.get('vehicle') ?? [])]).toEqual(['motorbike'])
    expect(actions.misfit(traits('đăng kiểm ô tô định kỳ'), nameOf(CAR_INSPECTION))).toBeNull()
    expect(actions.misfit(traits('kiểm định xe máy định kỳ'), nameOf(CAR_INSPECTION))).toEqual({
      kind: 'qualifier',
      group: 'vehicle',
    })
    // "khấu trừ", "miễn trừ" are other words, not exceptions.
    expect(
      actions.ofName(
        'Thủ tục tạm nhập khẩu xe ô tô, xe gắn máy của đối tượng được hưởng quyền ưu đãi, miễn trừ',
      ).excluded,
    ).toBeUndefined()
  })

  it('takes an unmarked "doi" before "nợ" or "bồi thường" as đòi, not as the exchange action', () => {
    expect([...traits('yeu cau thi hanh an dan su doi no').actions]).toEqual([])
    expect([...traits('doi boi thuong nha nuoc').actions]).toEqual([])
    expect([...traits('doi the bao hiem y te').actions]).toEqual(['exchange'])
  })

  const portal = usePortalKnowledgeBase()

  it('offers, never answers as if sure, a record that fits a car only through what it excepts', async () => {
    const answer = await portal.kb.answer('đưa xe ô tô đi đăng kiểm định kỳ cần những gì')
    expect(answer.kind).toBe('clarify')
    expect(answer.candidates?.[0]?.code).toBe(CAR_INSPECTION)
    expect(answer.text).toContain('1800 1096')
  })

  it('asks about a name that holds most of the question and lacks only a narrowing word, with its close sibling', async () => {
    const answer = await portal.kb.answer('tập sự xong rồi thì xin cấp chứng chỉ hành nghề luật sư thế nào')
    expect(answer.kind).toBe('clarify')
    const codes = (answer.candidates ?? []).map((c) => c.code)
    // after the apprenticeship (1.000828) and its sibling for people exempted from it (1.000688)
    expect(codes.slice(0, 2).sort()).toEqual(['1.000688', '1.000828'])
    expect(codes.length).toBeLessThanOrEqual(4)
  })

  it('still says the records do not cover a narrower object that leaves much of the question out of the name', async () => {
    const answer = await portal.kb.answer('xác định mức độ khuyết tật cho con')
    expect(answer.kind).toBe('not_found')
  })

  it('answers a lost car licence with the licence, not the transport-business or driving-school licences that name a car', async () => {
    const answer = await portal.kb.answer('mất bằng lái xe ô tô làm lại mất bao nhiêu tiền')
    expect(answer.kind).toBe('answer')
    // "Cấp lại giấy phép lái xe": one licence for every class of vehicle
    expect(answer.procedure?.code).toBe('3.000348')
    expect(answer.facet).toBe('fees')
  })

  it('answers a claim for state compensation typed without marks instead of reading "doi" as an exchange', async () => {
    const answer = await portal.kb.answer('can bo xa lam sai gay thiet hai, doi boi thuong nha nuoc')
    expect(answer.kind).not.toBe('not_found')
    const offered = offeredCodes(answer)
    expect(offered).toContain('2.002165')
  })
})

describeOnPortal('the old identity card named by its abbreviation', (portal) => {
  it('offers the confirmation of the old card’s number first, which the names spell out', async () => {
    for (const question of [
      'ngân hàng yêu cầu giấy xác nhận số chứng minh thư cũ, làm ở đâu',
      'cần xác nhận số cmt cũ cho ngân hàng',
    ]) {
      const answer = await portal.kb.answer(question)
      const codes = offeredCodes(answer)
      expect(codes[0] ?? codes[1], question).toBe('1.012566')
    }
  })
})

describeOnPortal('the channel compared in everyday words', (portal) => {
  it('reads "trực tiếp" beside a channel as the way to file, not a word of a name ("… trực tiếp hay gián tiếp …")', async () => {
    for (const question of [
      'đăng ký khai sinh online hay trực tiếp',
      'lam khai sinh truc tiep hay online thi nhanh hon',
    ]) {
      expect(await portal.kb.answer(question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.001193' },
      })
    }
  })
})

describeOnPortal('data shown wrong on VNeID', (portal) => {
  it('is the correction of the national population database, not the electronic identity account', async () => {
    // "Điều chỉnh thông tin trong Cơ sở dữ liệu quốc gia về dân cư theo đề nghị của công dân"
    for (const question of [
      'sai quê quán trên vneid sửa ở đâu',
      'minh check tren vneid thay sai que quan, sua o dau',
    ]) {
      expect(await portal.kb.answer(question), question).toMatchObject({
        kind: 'answer',
        procedure: { code: '1.012564' },
      })
    }
    // a locked account is still the account's
    const locked = await portal.kb.answer('tai khoan vneid bi khoa do nhap sai mat khau')
    expect(locked.candidates?.map((c) => c.code)).toContain('3.000275')
  })
})

describeOnPortal('English words of action mixed into a question', (portal) => {
  it('reads cancel, update, change, extend, lost as the actions they name', async () => {
    // a household business cancelled is its end, never its founding ("Đăng ký thành lập hộ kinh doanh")
    for (const question of ['cancel dang ky ho kinh doanh', 'hủy đăng ký hộ kinh doanh']) {
      const answer = await portal.kb.answer(question)
      expect(offeredCodes(answer)[0] ?? offeredCodes(answer)[1], question).toBe('1.001266')
      expect(answer.procedure?.code, question).not.toBe('1.001612')
    }
    expect(await portal.kb.answer('lost bang lai xe')).toMatchObject({
      kind: 'answer',
      procedure: { code: '3.000348' },
    })
    const renamed = await portal.kb.answer('change ten cong ty')
    expect(offeredCodes(renamed)).toContain('2.002041')
  })

  it('reads a deadline as the time asked, and a deadline moved as an extension', async () => {
    // "Khai thuế tiêu thụ đặc biệt …", not "not covered" for a "hạn" no name holds
    const monthly = await portal.kb.answer(
      'Xuong bia thu cong cua minh moi bat dau ban, deadline nop to khai thue TTDB hang thang la ngay nao?',
    )
    expect(offeredCodes(monthly)[0] ?? offeredCodes(monthly)[1]).toBe('1.007040')
    const later = await portal.kb.answer('xin lùi hạn chót nộp tờ khai thuế được không')
    expect(offeredCodes(later)).toContain('1.008513')
  })

  it('reads "di dời" a building as moving it, not as "đổi" typed without marks', async () => {
    // "Cấp giấy phép di dời đối với công trình cấp đặc biệt, cấp I và cấp II"
    expect(await portal.kb.answer('di doi toa nha cap II can giay phep gi')).toMatchObject({
      kind: 'answer',
      procedure: { code: '1.013230' },
    })
    // the card exchanged stays an exchange
    expect((await portal.kb.answer('cccd het han gio di doi the moi o dau')).procedure?.code).toBe('1.014063')
  })
})

describeOnPortal('a separate household asked in everyday words', (portal) => {
  it('is never the marriage told before it', async () => {
    const son = await portal.kb.answer('con trai lấy vợ muốn tách ra thành một hộ riêng')
    expect(son.procedure?.code).not.toBe('1.000894')
    expect(son.kind).not.toBe('answer')
  })
})

describeOnPortal('a paper typed with a slip of its marks', (portal) => {
  it('is still the paper: "hộ chíếu" is the passport, not a stamp for one', async () => {
    const answer = await portal.kb.answer('hộ chíếu hết hạn')
    expect(answer).toMatchObject({ kind: 'answer', procedure: { code: '1.001456' } })
    expect(offeredCodes(await portal.kb.answer('làm lại hộ chíếu'))).not.toContain('1.014905')
  })
})

describeOnPortal('a leased plot paid yearly turned into one paid once', (portal) => {
  it('is the change of the form of allocation or lease, typed with marks or with Telex leftovers', async () => {
    for (const question of [
      'đất thuê trả tiền hàng năm, muốn chuyển sang trả tiền một lần thì làm thế nào',
      'ddaats thue tra tien hang nam, muon chuyeern sang tra tien mot lan thi lam the naof',
    ]) {
      const answer = await portal.kb.answer(question)
      expect(offeredCodes(answer).slice(0, 2), question).toEqual(expect.arrayContaining(['1.013950']))
    }
  })
})

describeOnPortal('two ways compared with "hay"', (portal) => {
  it('reads "hay" as the choice asked, not a word of the one name that holds it ("… trực tiếp hay gián tiếp …")', async () => {
    const answer = await portal.kb.answer('giấy phép môi trường hay đăng ký môi trường')
    expect(offeredCodes(answer)).not.toContain('1.007833')
    expect(offeredCodes(answer)).toContain('1.010727')
  })
})
