// Setting up a real hall from the command line:
// `shouwen hall import <file.json>` writes the hall, its windows and staff; `shouwen staff password
// <staffId>` sets a sign-in password (read from standard input, stored as a scrypt hash).
import { readFileSync } from 'node:fs'
import { formatShanghai } from '../../core/calendar'
import { z } from 'zod'
import { Hall, Staff, Window } from '../../core/schemas'
import { hashPassword } from '../password'
import type { Store } from '../store/port'
import { audit, type AuditEntry } from '../audit'

/** changes made on the server's command line */
const OPERATOR = { kind: 'operator', id: 'cli', name: '服务器命令行' } as const

export const HallFile = z.object({
  hall: Hall,
  // a new hall may start with its hall office only; the office opens the windows in 大厅设置
  windows: z.array(Window.omit({ hallId: true })),
  staff: z.array(Staff.omit({ hallId: true }).extend({ login: z.string().trim().min(2).max(40).optional() })).min(1),
})
export type HallFile = z.infer<typeof HallFile>

export interface CommandIo {
  out: (line: string) => void
  err: (line: string) => void
}

export function parseHallFile(text: string): { ok: true; value: HallFile } | { ok: false; message: string } {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return { ok: false, message: `不是有效的 JSON：${(e as Error).message}` }
  }
  const parsed = HallFile.safeParse(raw)
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`).join('\n') }
  }
  const f = parsed.data
  const windowIds = new Set(f.windows.map((w) => w.id))
  const problems: string[] = []
  if (windowIds.size !== f.windows.length) problems.push('windows：窗口编号重复')
  if (f.hall.generalWindowId && !windowIds.has(f.hall.generalWindowId)) problems.push('hall.generalWindowId：不是本厅的窗口')
  if (!f.staff.some((s) => s.role === 'office' && s.active)) problems.push('staff：至少需要一位在岗的政务服务科人员，由其在应用中设置大厅')
  const logins = new Set<string>()
  f.staff.forEach((s, i) => {
    if (s.windowId && !windowIds.has(s.windowId)) problems.push(`staff.${i}.windowId：不是本厅的窗口（${s.windowId}）`)
    if (!s.windowId && s.role !== 'office') problems.push(`staff.${i}.windowId：窗口人员必须属于一个窗口`)
    if (s.login) {
      if (logins.has(s.login)) problems.push(`staff.${i}.login：登录名重复（${s.login}）`)
      logins.add(s.login)
    }
  })
  return problems.length ? { ok: false, message: problems.join('\n') } : { ok: true, value: f }
}

/** validates the whole file first; nothing is written if any part is wrong */
export async function importHall(store: Store, file: string, io: CommandIo): Promise<number> {
  const parsed = parseHallFile(readFileSync(file, 'utf8'))
  if (!parsed.ok) {
    io.err(`导入失败，未写入任何数据：\n${parsed.message}`)
    return 2
  }
  const { hall, windows, staff } = await writeHall(store, parsed.value, OPERATOR, new Date())
  io.out(`已导入「${hall.name}」：${windows.length} 个窗口，${staff.length} 名工作人员`)
  return 0
}

/** writes a validated hall file: the hall, its windows and staff, in the audit log */
export async function writeHall(store: Store, file: HallFile, actor: AuditEntry['actor'], now: Date): Promise<HallFile> {
  const { hall, windows, staff } = file
  await store.putHall(hall)
  for (const w of windows) await store.putWindow({ ...w, hallId: hall.id })
  for (const { login, ...s } of staff) await store.putStaff({ ...s, hallId: hall.id }, login ? { login } : undefined)
  await audit(
    store,
    { hallId: hall.id, actor, action: 'hall.import', target: `hall:${hall.id}`, detail: { windows: windows.length, staff: staff.length } },
    now,
  )
  return file
}

export async function setStaffPassword(store: Store, staffId: string, password: string, io: CommandIo): Promise<number> {
  const staff = await store.getStaff(staffId)
  if (!staff) {
    io.err(`找不到工作人员：${staffId}`)
    return 2
  }
  if (password.length < 8) {
    io.err('密码至少 8 个字符')
    return 2
  }
  await store.putStaff(staff, { passwordHash: await hashPassword(password) })
  // a new password ends every session signed in with the old one
  const now = new Date()
  const ended = await store.revokeStaffSessions(staff.id, formatShanghai(now))
  await audit(store, { hallId: staff.hallId, actor: OPERATOR, action: 'staff.password', target: `staff:${staff.id}`, detail: { sessionsEnded: ended } }, now)
  io.out(`已为 ${staff.name}（${staff.id}）设置登录密码`)
  return 0
}
