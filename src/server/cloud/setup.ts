// The `setup` cloud function: how a hall starts in CloudBase. Run it once from the cloud console
// (云开发控制台 → 云函数 → setup → 云端测试) with the hall file as the event (the format of
// docs/hall.example.json): it writes the hall, its windows and staff, all or nothing, and returns a
// one-time invite code for each hall-office member, who binds WeChat with it and manages everyone
// else from the app. Calls from the mini-program (which carry an OPENID) are refused.
import cloud from 'wx-server-sdk'
import { parseHallFile, writeHall } from '../commands/hall'
import { issueInvite } from '../invites'
import { createCloudbaseStore, type CloudDatabase } from '../store/cloudbase'

const CONSOLE = { kind: 'operator', id: 'console', name: '云开发控制台' } as const

export async function main(event: Record<string, unknown>) {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  if (cloud.getWXContext().OPENID) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '请在云开发控制台中运行 setup，小程序内不能调用' } }
  }
  const { userInfo: _userInfo, ...file } = event
  const parsed = parseHallFile(JSON.stringify(file))
  if (!parsed.ok) return { ok: false, error: { code: 'INVALID_INPUT', message: `未写入任何数据：\n${parsed.message}` } }
  const store = createCloudbaseStore(cloud.database() as unknown as CloudDatabase)
  await store.migrate()
  const now = new Date()
  const { hall, windows, staff } = await writeHall(store, parsed.value, CONSOLE, now)
  const invites = []
  for (const s of staff.filter((x) => x.role === 'office' && x.active)) {
    const { login: _login, ...person } = s
    invites.push(await issueInvite(store, { ...person, hallId: hall.id }, CONSOLE, now))
  }
  return { ok: true, data: { hall: hall.name, windows: windows.length, staff: staff.length, invites } }
}
