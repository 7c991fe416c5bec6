/**
 * Who may do what. Roles come from NĐ 30/2020: the văn thư (clerk) sends, receives and
 * applies the organisation's signature; the lãnh đạo (approver) signs as the competent
 * person; an agency admin manages its officials; viewers only read; a system admin
 * creates agencies. Roles have ceilings: a caller grants (and revokes) only roles strictly
 * below its own, and only a system admin creates system admins or touches another agency.
 * @module
 */
import { AppError } from '../../knowledge/errors.ts'

export const OFFICIAL_ROLES = ['clerk', 'approver', 'agency_admin', 'viewer', 'system_admin'] as const
export type OfficialRole = (typeof OFFICIAL_ROLES)[number]

export const ACTIONS = {
  read: ['clerk', 'approver', 'agency_admin', 'viewer', 'system_admin'],
  send: ['clerk'],
  changeStatus: ['clerk'],
  enrolCertificate: ['clerk', 'approver'],
  enrolOrganisationCertificate: ['agency_admin'],
  signAsApprover: ['approver'],
  signAsOrganisation: ['clerk'],
  recordNudges: ['clerk', 'approver', 'agency_admin', 'viewer', 'system_admin'],
  manageOfficials: ['agency_admin', 'system_admin'],
  createAgency: ['system_admin'],
  uploadSealImage: ['agency_admin', 'system_admin'],
} as const satisfies Record<string, readonly OfficialRole[]>

export type Action = keyof typeof ACTIONS

const LABELS: Record<Action, string> = {
  read: 'xem văn bản',
  send: 'gửi văn bản (chỉ văn thư)',
  changeStatus: 'cập nhật trạng thái văn bản (chỉ văn thư)',
  enrolCertificate: 'xin cấp chứng thư ký số (văn thư hoặc lãnh đạo)',
  enrolOrganisationCertificate: 'xin cấp chứng thư của cơ quan (quản trị cơ quan)',
  signAsApprover: 'ký với vai trò người có thẩm quyền (chỉ lãnh đạo)',
  signAsOrganisation: 'ký số của cơ quan (chỉ văn thư)',
  recordNudges: 'ghi nhận nhắc nhở',
  manageOfficials: 'quản lý cán bộ (quản trị cơ quan)',
  createAgency: 'tạo cơ quan (quản trị hệ thống)',
  uploadSealImage: 'tải lên ảnh con dấu của cơ quan (quản trị cơ quan)',
}

export const can = (role: string, action: Action) => (ACTIONS[action] as readonly string[]).includes(role)

/** @throws AppError 403 saying what the role may not do */
export const requireRole = (role: string, action: Action) => {
  if (!can(role, action)) {
    throw new AppError('FORBIDDEN', `Vai trò "${role}" không được ${LABELS[action]}.`)
  }
}

/** Rank of each role: a caller may only grant or revoke roles of a lower rank. */
const RANK: Record<OfficialRole, number> = {
  viewer: 1,
  clerk: 1,
  approver: 1,
  agency_admin: 2,
  system_admin: 3,
}

const rankOf = (role: string) => RANK[role as OfficialRole] ?? 0

/**
 * Whether `callerRole` may give `targetRole` to an official (or revoke an official holding it).
 * Strictly below one's own role; the system admin, the top of the ladder, also creates its peers.
 */
export const canGrant = (callerRole: string, targetRole: string) =>
  callerRole === 'system_admin' || (rankOf(targetRole) > 0 && rankOf(targetRole) < rankOf(callerRole))

export type OfficialTarget = { role: string; agencyCode: string }

/**
 * The role ceiling and the agency boundary for creating or revoking an official.
 * @param caller who asks (their role and agency)
 * @param target the official created or revoked (its role and agency)
 * @param verb what is done, for the message
 * @throws AppError 403 naming what the caller may not do
 */
export const requireAuthorityOver = ({
  caller,
  target,
  verb,
}: {
  caller: { role: string; agencyCode: string }
  target: OfficialTarget
  verb: 'tạo' | 'thu hồi mã truy cập của'
}) => {
  requireRole(caller.role, 'manageOfficials')
  if (caller.role === 'system_admin') return
  if (target.agencyCode !== caller.agencyCode) {
    throw new AppError(
      'FORBIDDEN',
      `Quản trị cơ quan chỉ ${verb} cán bộ của cơ quan mình (${caller.agencyCode}); cơ quan khác do quản trị hệ thống phụ trách.`,
    )
  }
  if (!canGrant(caller.role, target.role)) {
    throw new AppError(
      'FORBIDDEN',
      `Vai trò "${caller.role}" không được ${verb} cán bộ vai trò "${target.role}": chỉ các vai trò thấp hơn vai trò của mình (clerk, approver, viewer); vai trò agency_admin và system_admin do quản trị hệ thống cấp.`,
    )
  }
}
