// Setting up a real hall from the command line: the import validates everything before writing.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importHall, parseHallFile, setStaffPassword } from '../../src/server/commands/hall'
import { verifyPassword } from '../../src/server/password'
import { openTestDb, type TestDb } from '../support/pglite'

let db: TestDb
const lines: string[] = []
const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) }
const example = join(__dirname, '../../docs/hall.example.json')

beforeAll(async () => {
  db = await openTestDb()
})
afterAll(() => db.close())
beforeEach(async () => {
  lines.length = 0
  await db.store.truncateAll()
})

it('imports the example hall and sets a password that signs in', async () => {
  expect(await importHall(db.store, example, io)).toBe(0)
  expect((await db.store.listWindows('jinan')).map((w) => w.id).sort()).toEqual(['bdc', 'zx'])
  expect(await setStaffPassword(db.store, 'jn-wang', 'a-long-password', io)).toBe(0)
  const found = await db.store.findStaffByLogin('jinan', 'wangfang')
  expect(found?.staff.name).toBe('王芳')
  expect(await verifyPassword('a-long-password', found!.passwordHash)).toBe(true)
  expect(await setStaffPassword(db.store, 'jn-wang', 'short', io)).toBe(2)
  expect(await setStaffPassword(db.store, 'nobody', 'a-long-password', io)).toBe(2)
})

it('writes nothing when any part of the file is wrong, and says where', async () => {
  const bad = JSON.parse(JSON.stringify(require(example)))
  bad.staff[1].windowId = 'nosuch'
  bad.staff[2].login = 'wangfang'
  const file = join(mkdtempSync(join(tmpdir(), 'hall-')), 'bad.json')
  writeFileSync(file, JSON.stringify(bad))
  expect(await importHall(db.store, file, io)).toBe(2)
  expect(lines.join('\n')).toMatch(/staff\.1\.windowId/)
  expect(lines.join('\n')).toMatch(/staff\.2\.login/)
  expect(await db.store.getHall('jinan')).toBeNull()
})

it.each([['not json'], ['{}'], [JSON.stringify({ hall: { id: 'X' }, windows: [], staff: [] })]])('rejects %p', (text) => {
  expect(parseHallFile(text).ok).toBe(false)
})

it('starts a hall with its hall office only, and refuses a hall without one', () => {
  const hall = { id: 'jinan', prefix: 'JN', name: '金安区政务服务中心' }
  const office = { id: 'jn-office', windowId: null, name: '赵敏', role: 'office', login: 'zhaomin' }
  expect(parseHallFile(JSON.stringify({ hall, windows: [], staff: [office] })).ok).toBe(true)
  const without = parseHallFile(
    JSON.stringify({ hall, windows: [{ id: 'zx', name: '综合咨询窗口' }], staff: [{ id: 'jn-wang', windowId: 'zx', name: '王芳', role: 'staff' }] }),
  )
  expect(without).toEqual({ ok: false, message: 'staff：至少需要一位在岗的政务服务科人员，由其在应用中设置大厅' })
})
