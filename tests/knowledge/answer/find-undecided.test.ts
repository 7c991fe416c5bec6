import { describe, expect, it } from 'vitest'
import { findPurposeOnly } from '../../../knowledge/answer/find-object-gap.ts'
import {
  CLOSER_COVERAGE_GAP,
  findUndecided,
  LOOSE_PRECISION,
  UNDECIDED_MARGIN,
} from '../../../knowledge/answer/find-undecided.ts'
import { builtInProcedureActions } from '../../../knowledge/answer/procedure-actions.ts'
import { analyzeText } from '../../../knowledge/search/normalize-vietnamese.ts'
import type { SearchResult } from '../../../knowledge/search/search.types.ts'
import { exportNames, exportResult, wordShare } from '../../helpers/export-names.ts'

const names = exportNames

/** A search result for a real record with the shares the search gave it. */
const result = (
  code: string,
  score: number,
  { coverage = 0.9, idfCoverage = 0.9, precision = 0.5, uncovered = [] as string[] } = {},
): SearchResult =>
  exportResult(code, score, {
    levels: ['Cấp tỉnh'],
    coverage,
    idfCoverage,
    precision,
    uncovered,
    levelRank: 1,
  })
const actions = builtInProcedureActions()
const undecided = (question: string, top: SearchResult, ...others: SearchResult[]) =>
  findUndecided({
    top,
    groups: [top, ...others],
    question: actions.ofQuestion(analyzeText(question)),
    actions,
  }).map((r) => r.code)

describe('procedures the question does not decide between', () => {
  it('finds a rival that holds every word the best one holds ("làm lại thẻ BHYT bị mất")', () => {
    // 1.001294 "Cấp lại thẻ bảo hiểm y tế"; 1.002759 "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT"
    const top = result('1.001294', 2.405, { coverage: 0.952, idfCoverage: 0.934 })
    const rival = result('1.002759', 2.075, { coverage: 0.952, idfCoverage: 0.934 })
    expect(undecided('lam lai the bhyt bi mat', top, rival)).toEqual(['1.002759'])
  })

  it('finds a rival that holds more of the question than the best one (khai sinh with the father named)', () => {
    // 1.000894 "Thủ tục đăng ký kết hôn"; 1.000689 "… khai sinh kết hợp đăng ký nhận cha, mẹ, con"
    const top = result('1.000894', 1.283, { coverage: 0.428, idfCoverage: 0.356 })
    const rival = result('1.000689', 1.101, { coverage: 0.535, idfCoverage: 0.378 })
    expect(
      undecided('con chưa đăng ký kết hôn giờ muốn làm khai sinh có tên bố luôn thì làm sao', top, rival),
    ).toEqual(['1.000689'])
  })

  it('leaves out rivals that hold less of the question or score too far below', () => {
    const top = result('1.001294', 2.4)
    expect(undecided('cap lai the bhyt', top, result('1.002759', 2.3, { coverage: 0.8 }))).toEqual([])
    expect(undecided('cap lai the bhyt', top, result('1.002759', 2.4 - UNDECIDED_MARGIN - 0.01))).toEqual([])
  })

  it('keeps the plain procedure when the rival is its name with a special case added', () => {
    // 1.004772 "Thủ tục đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân"
    expect(undecided('dang ky khai sinh', result('1.001193', 2), result('1.004772', 1.9))).toEqual([])
  })

  it('keeps the best one when the rival does something neither the question nor the best name says', () => {
    // 1.003650 "Cấp giấy chứng nhận đăng ký tàu cá …"; 1.003681 "Xóa đăng ký tàu cá …"
    expect(
      undecided('đăng ký tàu cá cần giấy tờ gì', result('1.003650', 2.446), result('1.003681', 2.378)),
    ).toEqual([])
    expect(undecided('xóa đăng ký tàu cá', result('1.003650', 2.446), result('1.003681', 2.378))).toEqual([
      '1.003681',
    ])
  })

  it('keeps the best one when the rival is a special variant the question does not name', () => {
    // 3.000330: "… công dân Việt Nam mà không xác định được nơi thường trú hoặc nơi tạm trú …"
    expect(
      undecided('phiếu lý lịch tư pháp bao lâu thì có', result('3.000333', 2.216), result('3.000330', 2.151)),
    ).toEqual([])
    // 2.000992: "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật …"
    expect(
      undecided('chứng thực chữ ký trên giấy ủy quyền', result('2.000884', 1.59), result('2.000992', 1.505)),
    ).toEqual([])
  })

  it('finds a short rival the question names while the best one is a long name holding its words among many', () => {
    // 1.013314 "Xác nhận về điều kiện diện tích bình quân nhà ở để đăng ký thường trú vào chỗ ở do thuê, mượn, ở nhờ"
    // 1.004222 "Đăng ký thường trú"
    const top = result('1.013314', 2.184, { coverage: 1, idfCoverage: 1, precision: 0.113 })
    const rival = result('1.004222', 2.007, { coverage: 0.667, idfCoverage: 0.604, precision: 1 })
    expect(undecided('dang ky thuong tru vao nha thue can giay to gi', top, rival)).toEqual(['1.004222'])
  })

  it('keeps the best one when its own name is mostly what was asked, or the short rival holds too little', () => {
    // 1.014060 "Tích hợp, cập nhật, điều chỉnh thông tin trên thẻ căn cước"; 3.000346 "Cấp giấy phép lái xe"
    const top = result('1.014060', 2, { coverage: 1, idfCoverage: 1, precision: LOOSE_PRECISION })
    expect(
      undecided(
        'tích hợp bằng lái vào thẻ căn cước',
        top,
        result('3.000346', 1.9, { coverage: 0.7, precision: 1 }),
      ),
    ).toEqual([])
    const loose = result('1.013314', 2.184, { coverage: 1, idfCoverage: 1, precision: 0.113 })
    const far = result('1.004222', 2.007, {
      coverage: 1 - CLOSER_COVERAGE_GAP - 0.01,
      idfCoverage: 0.5,
      precision: 1,
    })
    expect(undecided('dang ky thuong tru vao nha thue', loose, far)).toEqual([])
  })

  it('finds a rival whose name starts with what the best one holds only in its brackets (PCCC design appraisal)', () => {
    // 3.000493 "Nghiệm thu về phòng cháy chữa cháy (… Giấy chứng nhận thẩm duyệt thiết kế về phòng cháy …)"
    // 3.000489 "Thẩm định thiết kế về phòng cháy chữa cháy"
    const question = 'kho hàng có phải thẩm định thiết kế phòng cháy chữa cháy không'
    const words = new Set(['kho', 'hang', 'tham', 'dinh', 'thiet', 'ke', 'phong', 'chay', 'chua'])
    const top = result('3.000493', 1.405, { coverage: 0.474, idfCoverage: 0.463 })
    const rival = result('3.000489', 1.342, { coverage: 0.368, idfCoverage: 0.39 })
    expect(
      findUndecided({
        top,
        groups: [top, rival],
        question: actions.ofQuestion(analyzeText(question)),
        actions,
        words,
      }),
    ).toEqual([rival])
    // Without the question's words, or when the best one's head says what the rival's head lacks, it stays the answer.
    expect(undecided(question, top, rival)).toEqual([])
    const appraisal = result('3.000489', 1.4, { coverage: 0.474, idfCoverage: 0.463 })
    const acceptance = result('3.000493', 1.342, { coverage: 0.368, idfCoverage: 0.39 })
    expect(
      findUndecided({
        top: appraisal,
        groups: [appraisal, acceptance],
        question: actions.ofQuestion(analyzeText(question)),
        actions,
        words,
      }),
    ).toEqual([])
  })

  it('treats the online and in-person copies of one procedure as one', () => {
    // 1.013080 "… thực hiện bằng dịch vụ công trực tuyến toàn trình"; 1.013082 "… một phần hoặc trực tiếp …"
    expect(
      undecided('lam lai cavet xe bi mat', result('1.013080', 2.179), result('1.013082', 1.987)),
    ).toEqual([])
  })
})

describe('a name that holds only the purpose of the question', () => {
  const tokens = (q: string) => analyzeText(q)
  it('finds that "Cấp giấy phép lái xe" lacks the health check asked about', () => {
    const top = result('3.000346', 1.25, { uncovered: ['kham', 'suc', 'khoe'] })
    const content = new Set(['kham', 'suc', 'khoe', 'giay', 'phep', 'lai', 'xe'])
    expect(
      findPurposeOnly({
        tokens: tokens('khám sức khỏe để thi bằng lái xe ở đâu'),
        content,
        rewritten: new Set(['bang', 'lai']),
        top,
        wordShare,
      }),
    ).toEqual(['kham', 'suc', 'khoe'])
  })

  it('does not take a preamble for the object', () => {
    const top = result('1.001193', 1.5, { uncovered: ['con', 'tuan'] })
    expect(
      findPurposeOnly({
        tokens: tokens('con mới đẻ được 1 tuần cần giấy tờ gì để làm giấy khai sinh'),
        content: new Set(['con', 'tuan', 'khai', 'sinh']),
        rewritten: new Set(),
        top,
        wordShare,
      }),
    ).toBeNull()
  })

  it('accepts a name that holds a word of the object', () => {
    const top = result('1.004873', 1.5, { uncovered: ['vay'] })
    expect(
      findPurposeOnly({
        tokens: tokens('xin giấy xác nhận độc thân để làm hồ sơ vay mua nhà'),
        content: new Set(['xac', 'nhan', 'doc', 'than', 'vay']),
        rewritten: new Set(),
        top,
        wordShare,
      }),
    ).toBeNull()
  })
})

describe('restoring a paper found again', () => {
  it('reads "tìm lại được", "dùng tiếp" as restoring, which the loss report does not do', () => {
    const question = actions.ofQuestion(analyzeText('hộ chiếu đã báo mất giờ tìm lại được muốn dùng tiếp'))
    expect([...question.actions]).toEqual(['restore'])
    expect(actions.misfit(question, names.get('1.010384') as string)).toBeNull()
    expect(actions.misfit(question, names.get('1.010386') as string)).toMatchObject({ kind: 'action' })
  })
})

describe('a birth already registered', () => {
  it('does not fit registering the birth, alone or combined, but fits the parentage registration', () => {
    const question = actions.ofQuestion(
      analyzeText('con da co giay khai sinh roi gio muon lam thu tuc nhan cha'),
    )
    // 1.000689 "… đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con"; 1.001193 "Thủ tục đăng ký khai sinh"
    expect(actions.misfit(question, names.get('1.000689') as string)).toEqual({
      kind: 'qualifier',
      group: 'birth',
    })
    expect(actions.misfit(question, names.get('1.001193') as string)).toEqual({
      kind: 'qualifier',
      group: 'birth',
    })
    // 1.001022 "Thủ tục đăng ký nhận cha, mẹ, con"
    expect(actions.misfit(question, names.get('1.001022') as string)).toBeNull()
    const newborn = actions.ofQuestion(analyzeText('làm giấy khai sinh cho con mới đẻ'))
    expect(actions.misfit(newborn, names.get('1.001193') as string)).toBeNull()
  })
})
