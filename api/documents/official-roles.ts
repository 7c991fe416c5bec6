/**
 * Who may do what. Roles come from NĐ 30/2020: the văn thư (clerk) sends, receives and
 * applies the organisation's signature; the lãnh đạo (approver) signs as the competent
 * person; an agency admin manages its officials; viewers only read; a system admin
 * creates agencies.
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
}

export const can = (role: string, action: Action) => (ACTIONS[action] as readonly string[]).includes(role)

/** @throws AppError 403 saying what the role may not do */
export const requireRole = (role: string, action: Action) => {
  if (!can(role, action)) {
    throw new AppError('FORBIDDEN', `Vai trò "${role}" không được ${LABELS[action]}.`)
  }
}
