// One handler per action. Each takes the resolved caller and the validated input and returns the
// view; a refusal is a thrown DomainError with its code.
import type { ActionName, ParsedInput } from '../../core/api'
import type { Staff } from '../../core/schemas'
import type { ActionOutputs } from '../../core/views'
import type { Identity } from '../identity'
import type { Channel, Store } from '../store/port'
import type { SubscribeTemplates } from '../notify/config'
import { session, logout } from './session'
import { login } from './login'
import { demoLogin, demoStaff } from './demo'
import { entry } from './entry'
import { submitCase } from './submitCase'
import { getCase } from './getCase'
import { myCases } from './myCases'
import { staffQueue } from './staffQueue'
import { claimCase } from './claimCase'
import { replyCase } from './replyCase'
import { acceptCase, completeCase, issueSupplementNotice, materialsComplete, refuseCase } from './application'
import { acknowledgeHandover, createHandover, recordContact } from './handover'
import { recordJointPlan, reportJoint } from './joint'
import { forwardOutside, outsideHall, referCase } from './routing'
import { assignCase, closeCase, extendClock, takeOver, urgeCase } from './supervision'
import { inbox, markRead, subscribeGranted } from './inbox'
import { rateCase, recordFollowUp, recordRectification } from './rating'
import { assessment, assessmentYear } from './assessment'
import { bindInvite, createInvite, unbindStaff } from './invite'
import type { FileAccess } from '../files'
import { ledger, ledgerCases, ledgerWorkbook } from './ledger'
import { revealPhone } from './revealPhone'
import { entryCodes } from './entryCodes'
import { saveStaff, setStaffPassword, setStaffPhoto, staffList } from './people'
import { unlockSignIn } from './signIn'
import { hallSettings, saveHall, saveWindow } from './hallSettings'
import { exportMatters, importMatters, matterList, saveMatter } from './matters'
import { policySettings, savePolicy } from './policy'
import { dashboard } from './dashboard'
import { exportArchive } from './archive'
import { calendarSettings, removeCalendarDay, saveCalendarDay } from './calendarSettings'
import type { ContentCheck } from '../contentCheck'
import { answerComplaint, complaintDesk, extendComplaint, fileComplaint, getComplaint, myComplaints, rateComplaint } from './complaint'

export interface HandlerContext {
  store: Store
  /** the time of this call; handlers never read the clock themselves */
  now: Date
  demo: boolean
  mode: 'cloud' | 'selfHosted'
  identity: Identity
  /** the signed-in, active staff member, if any */
  staff: Staff | null
  /** outside channels notifications are queued for (the inbox always has them) */
  channels: Channel[]
  /** WeChat subscribe-message templates the app asks citizens and staff to allow */
  templates: SubscribeTemplates
  /** photos attached to cases: the hall's server or cloud storage */
  files: FileAccess
  /** the cloud's content-safety check of citizens' text (false: refused); none in self-hosted mode */
  contentCheck?: ContentCheck
  /** the hall's public address (PUBLIC_URL), for the links in self-hosted QR codes */
  publicUrl?: string
  /** cloud: a mini-program code (wxacode.getUnlimited) for a scene and page, as PNG bytes */
  wxacode?: (scene: string, page: string) => Promise<Uint8Array>
}

export type Handler<A extends ActionName> = (ctx: HandlerContext, input: ParsedInput<A>) => Promise<ActionOutputs[A]>

export const handlers: { [A in ActionName]: Handler<A> } = {
  session,
  login,
  demoLogin,
  demoStaff,
  logout,
  entry,
  submitCase,
  getCase,
  myCases,
  staffQueue,
  claimCase,
  replyCase,
  issueSupplementNotice,
  materialsComplete,
  acceptCase,
  completeCase,
  refuseCase,
  createHandover,
  acknowledgeHandover,
  recordContact,
  reportJoint,
  recordJointPlan,
  urgeCase,
  referCase,
  outsideHall,
  forwardOutside,
  extendClock,
  takeOver,
  assignCase,
  closeCase,
  rateCase,
  recordRectification,
  recordFollowUp,
  assessment,
  assessmentYear,
  fileComplaint,
  getComplaint,
  myComplaints,
  complaintDesk,
  extendComplaint,
  answerComplaint,
  rateComplaint,
  revealPhone,
  entryCodes,
  dashboard,
  exportArchive,
  policySettings,
  savePolicy,
  calendarSettings,
  saveCalendarDay,
  removeCalendarDay,
  matterList,
  saveMatter,
  exportMatters,
  importMatters,
  hallSettings,
  saveHall,
  saveWindow,
  staffList,
  saveStaff,
  setStaffPhoto,
  setStaffPassword,
  unlockSignIn,
  ledger,
  ledgerCases,
  ledgerWorkbook,
  createInvite,
  bindInvite,
  unbindStaff,
  inbox,
  markRead,
  subscribeGranted,
}
