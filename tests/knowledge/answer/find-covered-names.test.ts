import { describe, expect, it } from 'vitest'
import {
  COVERED_IDF,
  COVERED_PRECISION,
  COVERED_RANKS,
  findCoveredNames,
  WHOLE_NAME_IDF,
} from '../../../knowledge/answer/find-covered-names.ts'
import type { SearchResult } from '../../../knowledge/search/search.types.ts'
import { exportResult } from '../../helpers/export-names.ts'

/** A search result for a real record with the shares the search gave it. */
const result = (code: string, score: number, precision: number, idfCoverage: number): SearchResult =>
  exportResult(code, score, { coverage: idfCoverage, idfCoverage, precision, levelRank: 1 })
const all = () => true

describe('names the question covers', () => {
  it('finds a short name whose words the long question holds ("Tách hộ")', () => {
    // "muon tach ho khau rieng ra khoi nha bo me thi can giay to gi": the search's own shares
    const results = [
      result('1.010038', 1.125, 1, 0.305), // Tách hộ
      result('1.002338', 0.71, 0.091, 0.339), // Cấp giấy chứng nhận kiểm dịch động vật …
    ]
    expect(findCoveredNames({ results, fits: all }).map((r) => r.code)).toEqual(['1.010038'])
  })

  it('finds the best-scored name held whole among many side words ("Tách hộ", "Chứng thực di chúc")', () => {
    // "cuoi xong muon tach ho khau ra rieng voi bo me thi can giay to gi": the search's own shares
    expect(
      findCoveredNames({ results: [result('1.010038', 1.094, 1, 0.217)], fits: all }).map((r) => r.code),
    ).toEqual(['1.010038'])
    // "Ông tôi năm nay 80 tuổi muốn lập di chúc chia đất cho các con, ra xã chứng thực di chúc được không"
    expect(
      findCoveredNames({ results: [result('2.001019', 1.181, 1, 0.185)], fits: all }).map((r) => r.code),
    ).toEqual(['2.001019'])
    // held whole but not the best-scored, or too little of the question's rare words
    const second = [result('1.003677', 1.3, 0.75, 0.263), result('1.010038', 1.094, 1, 0.217)]
    expect(findCoveredNames({ results: second, fits: all }).map((r) => r.code)).toEqual(['1.003677'])
    expect(
      findCoveredNames({ results: [result('1.010038', 1, 1, WHOLE_NAME_IDF - 0.01)], fits: all }),
    ).toEqual([])
  })

  it('finds it below a longer name that holds more of the question ("Giải quyết hưởng chế độ tử tuất")', () => {
    const results = [
      result('1.010092', 1.088, 0.292, 0.517), // Trợ cấp tiền tuất, tai nạn …
      result('2.000821', 1.077, 0.571, 0.376), // Giải quyết hưởng chế độ tử tuất
    ]
    expect(findCoveredNames({ results, fits: all }).map((r) => r.code)).toEqual(['2.000821'])
  })

  it('leaves out a name holding one common word of the question, a name that does not fit, and names far down', () => {
    // "Hỗ trợ chi phí" for "ok cảm ơn bạn đã hỗ trợ": half the name, a fifth of the question's weight
    expect(
      findCoveredNames({ results: [result('1.014316', 1, 0.5, COVERED_IDF - 0.04)], fits: all }),
    ).toEqual([])
    expect(
      findCoveredNames({ results: [result('1.010038', 1, COVERED_PRECISION - 0.01, 0.4)], fits: all }),
    ).toEqual([])
    expect(findCoveredNames({ results: [result('1.010038', 1, 1, 0.4)], fits: () => false })).toEqual([])
    const fillers = Array.from({ length: COVERED_RANKS }, () => result('1.002338', 1, 0.1, 0.3))
    expect(findCoveredNames({ results: [...fillers, result('1.010038', 0.5, 1, 0.4)], fits: all })).toEqual(
      [],
    )
  })

  it('offers level variants of one name once', () => {
    const results = [result('1.002438', 1.3, 0.857, 0.43), result('1.002438', 1.2, 0.857, 0.43)]
    expect(findCoveredNames({ results, fits: all })).toHaveLength(1)
  })
})
