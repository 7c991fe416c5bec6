/**
 * Procedures of the police or the army that their own members carry out, whatever their names
 * say: "Cấp lại thẻ bảo hiểm y tế (thực hiện tại cấp tỉnh)" of the Ministry of Public Security begins
 * "Bước 1: Sĩ quan, hạ sĩ quan, chiến sĩ nghĩa vụ, học viên Công an nhân dân đại diện cho thân
 * nhân …". A citizen asking to re-issue a health-insurance card is served by the social-insurance
 * procedure, not this one. The record says who files in its first step: when that is a member or a
 * unit of the forces and the name does not say so, only a question that speaks of the forces fits it.
 * @module
 */

/** Members and units of the forces, as a record's first step names who files ("chiến sĩ thi đua" is a title). */
const FORCES_FILER =
  /sĩ quan|chiến sĩ(?! thi đua)|quân nhân|công nhân công an|công nhân quốc phòng|công an đơn vị|đơn vị quân đội/iu

/** Only the opening of the first step says who files; later steps name officers who receive. */
const OPENING = 160

/**
 * @returns whether the record's first step names members or units of the forces as who files, and its name does not
 * @example servesForces({ name: 'Cấp lại thẻ bảo hiểm y tế', steps: ['Bước 1: Sĩ quan, hạ sĩ quan … lập hồ sơ'] }) === true
 */
export const servesForces = ({ name, steps }: { name: string; steps?: readonly string[] }): boolean => {
  const first = steps?.[0]
  return first !== undefined && FORCES_FILER.test(first.slice(0, OPENING)) && !FORCES_FILER.test(name)
}

/**
 * Words of a question that speaks of the forces or their members (folded, spaced): "chiến sĩ",
 * "ngành công an", "bộ đội", "quân nhân", "CAND", someone who "là công an". "công an" alone is the
 * citizen's local police ("lên công an xã").
 */
const FORCES_WORDS = [
  ' chien si ',
  ' si quan ',
  ' quan nhan ',
  ' bo doi ',
  ' quan doi ',
  ' nganh cong an ',
  ' can bo cong an ',
  ' cong an nhan dan ',
  ' cand ',
  ' qdnd ',
  ' luc luong vu trang ',
  ' trong cong an ',
  ' lam cong an ',
  ' la cong an ',
  ' nhiem vu cong an ',
  ' cong an hi sinh ',
  ' cong an bi thuong ',
  ' la bo doi ',
]

/** @returns whether the question (folded words) speaks of the forces or their members */
export const asksForForces = (folded: readonly string[]): boolean => {
  const spaced = ` ${folded.join(' ')} `
  return FORCES_WORDS.some((w) => spaced.includes(w))
}
