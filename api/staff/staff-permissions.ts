/**
 * What each staff role may do in the console and on `/v1/admin/*`. The deployment's
 * ADMIN_TOKEN (automation) acts as an owner.
 * @module
 */
import type { StaffRole } from '../../knowledge/db/schema/staff.ts'

export const STAFF_PERMISSIONS = {
  /** Browse procedures, revisions, the unanswered queue, figures. */
  read: ['owner', 'editor', 'agent', 'viewer'],
  /** Edit, restore and import procedures; vocabulary; notices. */
  editKnowledge: ['owner', 'editor'],
  /** Resolve or dismiss unanswered questions; answer hand-offs. */
  review: ['owner', 'editor', 'agent'],
  /** Create and disable staff accounts. */
  manageAccounts: ['owner'],
} as const satisfies Record<string, readonly StaffRole[]>

export type StaffPermission = keyof typeof STAFF_PERMISSIONS

export const ROLE_LABELS: Record<StaffRole, string> = {
  owner: 'quản trị',
  editor: 'biên tập',
  agent: 'hỗ trợ viên',
  viewer: 'xem',
}

export const can = (role: StaffRole, permission: StaffPermission): boolean =>
  (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(role)
