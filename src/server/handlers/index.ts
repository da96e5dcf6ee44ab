// One handler per action. Each takes the resolved caller and the validated input and returns the
// view; a refusal is a thrown DomainError with its code. Every action on a case is declared in
// src/core/caseActions.ts and run by one runner (../caseAction.ts).
import type { ActionName } from '../../core/api'
import { CASE_ACTIONS, CASE_ACTION_NAMES, type CaseActionName, type CaseActionSpec } from '../../core/caseActions'
import type { z } from 'zod'
import { runCaseAction } from '../caseAction'
import type { Handler } from '../context'
import { session, logout } from './session'
import { login } from './login'
import { demoLogin, demoStaff } from './demo'
import { entry } from './entry'
import { submitCase } from './submitCase'
import { registerCase } from './registerCase'
import { lookupCase } from './lookupCase'
import { caseSlip } from './caseSlip'
import { registerOptions } from './registerOptions'
import { publishFaq, resolveFaq, withdrawFaq } from './faq'
import { getCase } from './getCase'
import { myCases } from './myCases'
import { staffQueue } from './staffQueue'
import { inbox, markRead, subscribeGranted } from './inbox'
import { assessment, assessmentYear } from './assessment'
import { addDeduction, disciplineDesk, revokeDeduction } from './discipline'
import { bindInvite, createInvite, unbindStaff } from './invite'
import { ledger, ledgerCases, ledgerWorkbook } from './ledger'
import { assistedLedger, assistedLedgerWorkbook, assistedSupervision, drawAssistedSample, recordAssistedReview } from './assistedService'
import { revealPhone } from './revealPhone'
import { auditLog } from './auditLog'
import { entryCodes } from './entryCodes'
import { saveStaff, setStaffPassword, setStaffPhoto, staffList } from './people'
import { unlockSignIn } from './signIn'
import { hallSettings, saveHall, saveWindow } from './hallSettings'
import { exportMatters, importMatters, matterList, saveMatter } from './matters'
import { policySettings, savePolicy } from './policy'
import { dashboard } from './dashboard'
import { exportArchive } from './archive'
import { calendarSettings, removeCalendarDay, saveCalendarDay } from './calendarSettings'
import { answerComplaint, complaintDesk, extendComplaint, fileComplaint, registerComplaint, getComplaint, myComplaints, rateComplaint } from './complaint'

export type { Handler, HandlerContext } from '../context'

const caseActionHandlers = Object.fromEntries(
  CASE_ACTION_NAMES.map((name) => {
    const spec = CASE_ACTIONS[name] as CaseActionSpec<z.ZodType>
    const handler: Handler<CaseActionName> = (ctx, input) => runCaseAction(ctx, spec, input)
    return [name, handler]
  }),
) as { [A in CaseActionName]: Handler<A> }

export const handlers: { [A in ActionName]: Handler<A> } = {
  ...caseActionHandlers,
  session,
  login,
  demoLogin,
  demoStaff,
  logout,
  entry,
  submitCase,
  registerCase,
  lookupCase,
  caseSlip,
  registerOptions,
  publishFaq,
  withdrawFaq,
  resolveFaq,
  getCase,
  myCases,
  staffQueue,
  assessment,
  assessmentYear,
  disciplineDesk,
  addDeduction,
  revokeDeduction,
  fileComplaint,
  registerComplaint,
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
  auditLog,
  ledger,
  ledgerCases,
  ledgerWorkbook,
  assistedLedger,
  assistedLedgerWorkbook,
  assistedSupervision,
  drawAssistedSample,
  recordAssistedReview,
  createInvite,
  bindInvite,
  unbindStaff,
  inbox,
  markRead,
  subscribeGranted,
}
