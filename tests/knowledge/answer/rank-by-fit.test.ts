import { describe, expect, it } from 'vitest'
import { findMissedObject, findObjectGap, objectWords } from '../../../knowledge/answer/find-object-gap.ts'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { MISFIT_PENALTY, rankByFit } from '../../../knowledge/answer/rank-by-fit.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import type { SearchResult } from '../../../knowledge/search/search.types.ts'
import { exportNames, exportResult, wordShare } from '../../helpers/export-names.ts'

const names = exportNames

/** A search result for a real record, as the search would return it. */
const result = (code: string, score: number, uncovered: string[] = [], idfCoverage = 0.7): SearchResult =>
  exportResult(code, score, { uncovered, idfCoverage })
const actions = builtInProcedureActions()
const ask = (question: string) => actions.ofQuestion(analyzeText(question))
/** The results as `rankByFit` orders them for the question. */
const rank = (question: string, results: SearchResult[]) =>
  rankByFit({ results, question: ask(question), actions })
/** The code `rankByFit` puts first for the question. */
const first = (question: string, results: SearchResult[]) => rank(question, results)[0]?.code

describe('ranking between sibling procedures by the fit model', () => {
  it('puts the plain procedure above a variant the question does not mention', () => {
    // 1.000689: "đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con"; 1.001193: "đăng ký khai sinh"
    const ranked = rank('đăng ký khai sinh cho con', [result('1.000689', 1.5), result('1.001193', 1.45)])
    expect(ranked.map((r) => r.code)).toEqual(['1.001193', '1.000689'])
  })

  it('puts the variant first when the question names it', () => {
    expect(
      first('làm khai sinh cho con và bố nhận con luôn', [result('1.001193', 1.5), result('1.000689', 1.45)]),
    ).toBe('1.000689')
  })

  it('takes a foreigner named by nationality ("người Úc", "người Hàn") as a foreigner', () => {
    // 3.000347 "Đổi giấy phép lái xe"; 3.000351 "… hoặc bằng lái xe của người nước ngoài"
    expect(
      first('chồng em người Úc có bằng lái của Úc, muốn đổi sang bằng lái Việt Nam', [
        result('3.000347', 1.5),
        result('3.000351', 1.45),
      ]),
    ).toBe('3.000351')
    expect([
      ...(ask('chồng người Hàn của em muốn làm thẻ tạm trú').qualifiers.get('nationality') ?? []),
    ]).toEqual(['foreigner'])
    // going to a country is not being its citizen
    expect(ask('tôi muốn đi Úc du lịch').qualifiers.get('nationality')?.has('foreigner') ?? false).toBe(false)
  })

  it('moves "lưu động" and "có yếu tố nước ngoài" death registrations below the plain one', () => {
    // 1.000419 lưu động, 1.001766 có yếu tố nước ngoài, 1.000656 plain
    expect(
      first('đăng ký khai tử cho ông', [
        result('1.000419', 1.3),
        result('1.001766', 1.29),
        result('1.000656', 1.2),
      ]),
    ).toBe('1.000656')
    expect(
      first('đăng ký khai tử cho chồng là người nước ngoài', [
        result('1.000656', 1.3),
        result('1.001766', 1.25),
      ]),
    ).toBe('1.001766')
  })

  it('gives the asked-for bonus only to siblings that cover the question as well as the best', () => {
    // A name about something else (adoption with a foreign element) is not lifted by "người nước ngoài".
    expect(
      first('người nước ngoài muốn nhập quốc tịch Việt Nam', [
        result('2.002039', 1.2, [], 0.6),
        result('1.004878', 1.15, [], 0.3),
      ]),
    ).toBe('2.002039')
  })

  it("moves a procedure that does not cover the question below one that does (the employer's tax settlement)", () => {
    // 1.008562: the employer refunding for staff who authorised it; 2.002233: the individual settling directly.
    const ranked = rank('tự quyết toán thuế TNCN để hoàn thuế nộp thừa', [
      result('1.008562', 1.79),
      result('2.002233', 1.64),
    ])
    expect(ranked.map((r) => r.code)).toEqual(['2.002233', '1.008562'])
    expect(ranked[1]?.fit).toBeCloseTo(-MISFIT_PENALTY)
    // Without "tự" the employer's procedure still needs the question to speak for an employer.
    expect(
      first('quyết toán thuế thu nhập cá nhân', [result('1.008309', 1.7), result('2.002233', 1.6)]),
    ).toBe('2.002233')
    expect(
      first('công ty quyết toán thuế thu nhập cá nhân cho nhân viên', [
        result('1.008309', 1.7),
        result('2.002233', 1.6),
      ]),
    ).toBe('1.008309')
  })

  it('puts the plain procedure above its sibling with an action the question does not ask for', () => {
    // 1.005461 "Đăng ký lại khai tử" matched the question's "mất" better than 1.000656 "Thủ tục đăng ký khai tử".
    const death = [result('1.005461', 1.59, [], 0.63), result('1.000656', 1.43, [], 0.5)]
    expect(first('bố em mới mất, làm giấy khai tử', death)).toBe('1.000656')
    expect(first('đăng ký lại khai tử vì sổ bị thất lạc', death)).toBe('1.005461')
  })

  it('does not take a sibling that leaves out the object the variant names as its plain sibling ("ly hôn")', () => {
    // 2.000554 "… việc ly hôn, hủy việc kết hôn …" covers "ly hôn"; 2.002189 "… việc kết hôn …" does not.
    const divorce = [
      result('2.002189', 1.504, ['li', 'o', 'mi', 'vn'], 0.565),
      result('2.000554', 1.451 + 0.2, ['o', 'mi', 'vn'], 0.624),
    ]
    expect(first('ly hôn ở Mỹ rồi, về VN ghi vào sổ hộ tịch như thế nào', divorce)).toBe('2.000554')
    // The variant's own action word is no object: "hủy" asked of neither still leaves the plain sibling first.
    const marriage = [
      result('2.002189', 1.504, ['o', 'mi', 'vn'], 0.6),
      result('2.000554', 1.6, ['o', 'mi', 'vn'], 0.62),
    ]
    expect(first('kết hôn ở Mỹ rồi, về VN ghi vào sổ hộ tịch thế nào', marriage)).toBe('2.002189')
  })

  it("reads a name's action words once, not again for every search or answer that ranks it", () => {
    let reads = 0
    const counting = {
      ...actions,
      phraseWords: (tokens: Parameters<typeof actions.phraseWords>[0]) => {
        reads++
        return actions.phraseWords(tokens)
      },
    }
    const divorce = () => [
      result('2.002189', 1.504, ['li', 'o', 'mi', 'vn'], 0.565),
      result('2.000554', 1.451 + 0.2, ['o', 'mi', 'vn'], 0.624),
    ]
    const question = ask('ly hôn ở Mỹ rồi, về VN ghi vào sổ hộ tịch như thế nào')
    const once = rankByFit({ results: divorce(), question, actions: counting })
    const readOnce = reads
    expect(readOnce).toBeGreaterThan(0)
    // An answer ranks with its own copy of the actions (its question's traits remembered): names are not read again.
    const again = rankByFit({
      results: divorce(),
      question,
      actions: { ...counting, ofQuestion: (tokens) => counting.ofQuestion(tokens) },
    })
    expect(again).toEqual(once)
    expect(again[0]?.code).toBe('2.000554')
    expect(reads).toBe(readOnce)
  })

  it('puts a name the question rules out below its plain sibling, however many words it holds', () => {
    // 1.000689 "Thủ tục đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con" holds the question's "khai sinh",
    // but the birth is already registered: 1.001022 "Thủ tục đăng ký nhận cha, mẹ, con" is asked for.
    const parentage = [
      result('1.000689', 2.113, ['cap'], 0.933),
      result('1.001022', 1.402, ['khai', 'sinh', 'cap'], 0.594),
    ]
    expect(first('con da co giay khai sinh roi gio muon lam thu tuc nhan cha', parentage)).toBe('1.001022')
    expect(first('làm khai sinh cho con và bố nhận con luôn', parentage)).toBe('1.000689')
  })

  it('keeps a name only for someone the question does not mention where its score puts it', () => {
    // 1.004327 "Giải quyết tố cáo … đối với lực lượng Công an nhân dân thực hiện tại cấp xã (phải là cán bộ
    // thuộc biên chế …)" beside 1.003482 "… (thực hiện tại cấp tỉnh)": the question says nothing the name
    // rules out, so the officer-only name is only penalised, not put below its sibling.
    const ranked = rank('tố cáo cán bộ công an phường đòi tiền khi làm căn cước', [
      result('1.004327', 1.6, [], 0.7),
      result('1.003482', 1.3, [], 0.7),
    ])
    expect(ranked.map((r) => r.code)).toEqual(['1.004327', '1.003482'])
  })

  it('does not treat a name about something else as the plain sibling ("Cấp, cấp lại Giấy phép khai thác thủy sản")', () => {
    // 1.004940 names no action, but it is the approval for fishing abroad, not the licence without "cấp lại".
    const ranked = rank('xin giấy phép khai thác thủy sản cho tàu cá', [
      result('1.004359', 1.83, [], 0.71),
      result('1.004940', 1.9, [], 0.93),
    ])
    expect(ranked.find((r) => r.code === '1.004359')?.score).toBe(1.83)
  })

  it('leaves results the search already ranked by fit as they are', () => {
    const fitted = { ...result('1.005461', 1.59, [], 0.63), fit: 0 }
    const ranked = rank('bố em mới mất, làm giấy khai tử', [
      fitted,
      { ...result('1.000656', 1.43, [], 0.5), fit: 0 },
    ])
    expect(ranked.map((r) => [r.code, r.score])).toEqual([
      ['1.005461', 1.59],
      ['1.000656', 1.43],
    ])
  })

  it('keeps code lookups first', () => {
    const code = { ...result('1.000689', 1000), score: 1000 }
    expect(first('1.000689', [code, result('1.001193', 1.9)])).toBe('1.000689')
  })

  it('reads benefit claims and acting for someone else from the vocabulary', () => {
    const claim = ask('hưởng trợ cấp thất nghiệp sau khi nghỉ việc')
    expect(claim.actions.has('receive')).toBe(true)
    // "Đăng ký, điều chỉnh đóng BHXH … BHTN" registers contributions: it pays no benefit.
    expect(actions.misfit(claim, names.get('1.002051') ?? '')).toEqual({ kind: 'action', asked: ['receive'] })
    // "Ủy quyền lĩnh thay …" is for a proxy only.
    expect(actions.misfit(claim, names.get('1.001601') ?? '')).toEqual({ kind: 'qualifier', group: 'proxy' })
    expect(actions.misfit(ask('ủy quyền cho con lĩnh thay trợ cấp'), names.get('1.001601') ?? '')).toBeNull()
    expect(actions.misfit(ask('rút bhxh một lần'), names.get('1.001613') ?? '')).toBeNull()
  })

  it('does not read "qua đời" typed without marks as "đổi"', () => {
    expect(ask('ong noi vua qua doi lam khai tu o dau').actions.size).toBe(0)
    expect(ask('doi bang lai xe het han').actions.has('exchange')).toBe(true)
  })

  it('ranks again results the search already ranked by their score alone, ties in the search order', () => {
    const question = 'đăng ký khai sinh cho con'
    const once = rank(question, [result('1.000689', 1.5), result('1.001193', 1.45), result('1.014064', 1.2)])
    expect(once.every((r) => r.fit !== undefined)).toBe(true)
    // A code lookup (score 1000) and a tie: the lookup stays first, the tie keeps the given order.
    const tie = { ...result('1.003358', 1.45), fit: 0 }
    const lookup = { ...result('2.000884', 1000) }
    const given = [...once, tie, lookup]
    const again = rank(question, given)
    for (let i = 1; i < again.length; i++) {
      const [a, b] = [again[i - 1] as SearchResult, again[i] as SearchResult]
      expect(a.score).toBeGreaterThanOrEqual(b.score)
      if (a.score === b.score) expect(given.indexOf(a)).toBeLessThan(given.indexOf(b))
    }
    expect(again.some((r, i) => r.score === again[i + 1]?.score)).toBe(true)
    expect(again[0]).toBe(lookup)
    for (const r of again) expect(given).toContain(r)
    expect(given.slice(0, 3)).toEqual(once)
  })
})

describe('whether the chosen procedure covers the object asked about', () => {
  it('finds the narrowing words no record names ("bảo hiểm răng miệng" is not "bảo hiểm y tế")', () => {
    const top = result('2.000639', 2, ['rang', 'mieng'])
    const words = objectWords(analyzeText('làm thẻ bảo hiểm răng miệng'))
    const content = new Set(['lam', 'the', 'bao', 'hiem', 'rang', 'mieng'])
    expect(findObjectGap({ words, content, top, results: [top], wordShare })).toEqual(['rang', 'mieng'])
    // A common word after the shared one ("bảo hiểm cho …") narrows nothing.
    const common = result('2.000639', 2, ['xa'])
    const plain = objectWords(analyzeText('làm thẻ bảo hiểm xã'))
    expect(
      findObjectGap({ words: plain, content: new Set(plain), top: common, results: [common], wordShare }),
    ).toBeNull()
  })

  it('takes no word of a qualifier the fit model reads ("bảo hiểm người Úc") as narrowing the object', () => {
    const top = result('2.000639', 2, ['nguoi', 'uc'])
    const words = objectWords(analyzeText('làm thẻ bảo hiểm người Úc'))
    const content = new Set(words)
    expect(findObjectGap({ words, content, top, results: [top], wordShare })).toEqual(['nguoi', 'uc'])
    const qualifierWords = new Set(['nguoi', 'uc'])
    expect(findObjectGap({ words, content, top, results: [top], wordShare, qualifierWords })).toBeNull()
  })

  it('finds nothing when the name covers the object', () => {
    const top = result('2.000639', 2, [])
    const words = objectWords(analyzeText('làm thẻ bảo hiểm y tế'))
    const content = new Set(words)
    expect(findObjectGap({ words, content, top, results: [top], wordShare })).toBeNull()
  })

  it('ignores a purpose clause and place names', () => {
    expect(objectWords(analyzeText('xin thôi quốc tịch VN để nhập quốc tịch Đức'))).toEqual([
      'xin',
      'thoi',
      'quoc',
      'tich',
      'vn',
    ])
    expect(objectWords(analyzeText('xin giấy phép xây dựng ở xã Tân Hòa'), ['xã Tân Hòa'])).not.toContain(
      'tan',
    )
  })

  it('sees a phrase names use ("thẻ tạm trú") that the chosen name lacks, but not rewritten or fit-model words', () => {
    const top = result('1.003179', 1.3, ['cap', 'the', 'tam', 'tru'])
    const words = objectWords(analyzeText('cấp thẻ tạm trú cho người nước ngoài'))
    expect(findMissedObject({ words, rewritten: new Set(), top, wordShare })).toMatch(
      /^(cap_the|the_tam|tam_tru)$/,
    )
    expect(
      findMissedObject({ words, rewritten: new Set(['the', 'tam', 'tru', 'cap']), top, wordShare }),
    ).toBeNull()
  })
})
