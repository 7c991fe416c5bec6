import { describe, expect, it } from 'vitest'
import { asksForForces, servesForces } from '../../../knowledge/search/serves-forces.ts'
import { offeredCodes } from '../../helpers/offered-codes.ts'
import { describeOnPortal, kindAndCode } from '../../helpers/portal-knowledge-base.ts'

const folded = (text: string) => text.split(' ')

describe('servesForces', () => {
  it('reads who files from the opening of the first step (words of the national export)', () => {
    const police = {
      name: 'Cấp lại thẻ bảo hiểm y tế (thực hiện tại cấp tỉnh)',
      steps: [
        'Bước 1: Sĩ quan, hạ sĩ quan, chiến sĩ nghĩa vụ, học viên Công an nhân dân đại diện cho thân nhân; người lao động làm việc theo hợp đồng lao động …',
      ],
    }
    expect(servesForces(police)).toBe(true)
    const unit = {
      name: 'Xét công nhận liệt sỹ, cấp bằng Tổ quốc ghi công',
      steps: ['1. Công an đơn vị, địa phương có cán bộ, chiến sĩ hy sinh lập hồ sơ đề nghị xác nhận liệt sĩ'],
    }
    expect(servesForces(unit)).toBe(true)
  })

  it('does not flag a title, an officer who receives later, a name that says so, or a record without steps', () => {
    const title = {
      name: 'Thủ tục đề nghị danh hiệu thi đua, hình thức khen thưởng',
      steps: ['(i) Đối với trường hợp đề nghị khen thưởng “Chiến sĩ thi đua ngành Ngân hàng”: Bước 1 …'],
    }
    expect(servesForces(title)).toBe(false)
    const citizen = {
      name: 'Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT',
      steps: [
        `Bước 1. Lập hồ sơ theo quy định. ${'x '.repeat(100)} cán bộ tiếp nhận; sĩ quan, quân nhân nộp tại đơn vị`,
      ],
    }
    expect(servesForces(citizen)).toBe(false)
    const named = {
      name: 'Xét hưởng chế độ trợ cấp một lần đối với sĩ quan, hạ sĩ quan',
      steps: ['Bước 1: Sĩ quan, hạ sĩ quan lập hồ sơ'],
    }
    expect(servesForces(named)).toBe(false)
    expect(servesForces({ name: 'Cấp lại thẻ bảo hiểm y tế' })).toBe(false)
  })
})

describe('asksForForces', () => {
  it('hears the forces and their members, not the local police a citizen goes to', () => {
    expect(asksForForces(folded('chien si cong an doi the bhyt cho than nhan'))).toBe(true)
    expect(asksForForces(folded('con toi di bo doi'))).toBe(true)
    expect(asksForForces(folded('bac toi la cong an hi sinh khi lam nhiem vu'))).toBe(true)
    expect(asksForForces(folded('len cong an xa lam tam tru'))).toBe(false)
    expect(asksForForces(folded('linh luong huu o tinh khac'))).toBe(false)
  })
})

describeOnPortal('a citizen asking about a health-insurance card', (portal) => {
  it('is given the social-insurance procedure, not the police one for its own members', async () => {
    const lost = await portal.kb.answer('lam lai the bhyt bi mat', {})
    expect(kindAndCode(lost)).toEqual({ kind: 'answer', code: '1.002759' })
    const exchange = await portal.kb.answer('đổi thẻ bhyt', {})
    expect(exchange.procedure?.code ?? null).not.toBe('1.002438')
    expect((exchange.candidates ?? []).map((c) => c.code)).not.toContain('1.002438')
  })

  it('is offered the police procedure when a member of the police asks', async () => {
    const answer = await portal.kb.answer('chiến sĩ công an đổi thẻ bhyt cho thân nhân', {})
    const offered = offeredCodes(answer)
    expect(offered).toContain('1.002438')
  })
})

describeOnPortal('a citizen asking about what only the forces’ own procedure names', (portal) => {
  it('says the records do not cover it rather than answer a procedure that lacks the object', async () => {
    // The only record naming "thương binh" is the police's own; "bệnh binh" is another status.
    for (const q of ['thuong binh huong tro cap o dau', 'thương binh hưởng trợ cấp ở đâu']) {
      const a = await portal.kb.answer(q, {})
      expect(a.kind, q).toBe('not_found')
      expect(a.procedure, q).toBeUndefined()
      expect(offeredCodes(a), q).toContain('1.004089')
    }
  })

  it('still offers it to a member of the forces', async () => {
    const a = await portal.kb.answer(
      'là công an bị thương trong khi làm nhiệm vụ, muốn hưởng chế độ thương binh',
      {},
    )
    expect(a.kind).not.toBe('not_found')
    expect(offeredCodes(a)[0]).toBe('1.004089')
  })
})
