// The demo hall that `npm start` seeds on the embedded database: a city service hall with six windows,
// their staff and leads, and the hall office. Demo identities sign in without a password, so they
// exist only in demo mode (never with NODE_ENV=production).
import type { Hall, Staff, Window } from '../core/schemas'
import type { Store } from './store/port'

export const DEMO_HALL_ID = 'demo'

const hall: Hall = {
  id: DEMO_HALL_ID,
  prefix: 'SF',
  name: '示范市政务服务中心',
  address: '示范市新城区政务大道 88 号',
  supervisionPhone: '0562-12345',
  complaintChannel: '大厅一楼服务台、12345 政务服务便民热线',
  generalWindowId: 'zxzx',
  policyPreset: '000',
  policyVersion: 1,
}

const windows: Array<Omit<Window, 'hallId' | 'active'>> = [
  {
    id: 'bdc',
    name: '不动产登记窗口',
    number: 'A01',
    scope: '不动产首次登记、转移登记、抵押登记、变更登记，不动产权证书补换发，登记资料查询',
  },
  {
    id: 'gjj',
    name: '住房公积金窗口',
    number: 'A02',
    scope: '公积金缴存登记、提取、贷款受理，异地转移接续，缴存证明开具',
  },
  {
    id: 'sb',
    name: '社会保险窗口',
    number: 'B01',
    scope: '企业职工养老保险参保登记，灵活就业人员参保，社保关系转移接续，社保卡申领',
  },
  {
    id: 'qykb',
    name: '企业开办窗口（市场监管）',
    number: 'B02',
    scope: '企业设立、变更、注销登记，个体工商户登记，食品经营许可',
  },
  {
    id: 'sw',
    name: '税务窗口',
    number: 'C01',
    scope: '新办纳税人套餐，发票领用，个人所得税汇算咨询，房产交易契税申报',
  },
  {
    id: 'zxzx',
    name: '综合咨询窗口',
    number: 'D01',
    scope: '大厅办事指引，帮办代办，跨窗口事项协调，意见建议受理',
  },
]

type DemoStaff = Omit<Staff, 'hallId' | 'active' | 'phone'> & { phone: string }
const staff: DemoStaff[] = [
  { id: 'bdc-lead', windowId: 'bdc', name: '周建国', title: '首席代表', post: '不动产登记窗口负责人', role: 'lead', rank: 3, phone: '0562-2880101' },
  { id: 'bdc-li', windowId: 'bdc', name: '李晓梅', title: '科员', post: '不动产登记受理岗', role: 'staff', rank: 1, phone: '0562-2880102' },
  { id: 'bdc-wang', windowId: 'bdc', name: '王磊', title: '科员', post: '不动产登记受理岗', role: 'staff', rank: 1, phone: '0562-2880103' },
  { id: 'gjj-lead', windowId: 'gjj', name: '陈静', title: '首席代表', post: '公积金窗口负责人', role: 'lead', rank: 3, phone: '0562-2880201' },
  { id: 'gjj-zhao', windowId: 'gjj', name: '赵丽娟', title: '科员', post: '公积金业务受理岗', role: 'staff', rank: 1, phone: '0562-2880202' },
  { id: 'sb-lead', windowId: 'sb', name: '刘志强', title: '首席代表', post: '社保窗口负责人', role: 'lead', rank: 3, phone: '0562-2880301' },
  { id: 'sb-sun', windowId: 'sb', name: '孙悦', title: '科员', post: '社保业务受理岗', role: 'staff', rank: 1, phone: '0562-2880302' },
  { id: 'qykb-lead', windowId: 'qykb', name: '黄海燕', title: '首席代表', post: '企业开办窗口负责人', role: 'lead', rank: 3, phone: '0562-2880401' },
  { id: 'qykb-zhou', windowId: 'qykb', name: '周明', title: '科员', post: '企业登记受理岗', role: 'staff', rank: 1, phone: '0562-2880402' },
  { id: 'sw-lead', windowId: 'sw', name: '吴国华', title: '首席代表', post: '税务窗口负责人', role: 'lead', rank: 3, phone: '0562-2880501' },
  { id: 'sw-zheng', windowId: 'sw', name: '郑雪', title: '科员', post: '税务办税服务岗', role: 'staff', rank: 1, phone: '0562-2880502' },
  { id: 'zxzx-lead', windowId: 'zxzx', name: '马红', title: '窗口负责人', post: '综合咨询窗口负责人', role: 'lead', rank: 2, phone: '0562-2880601' },
  { id: 'zxzx-he', windowId: 'zxzx', name: '何佳', title: '科员', post: '咨询导办岗', role: 'staff', rank: 1, phone: '0562-2880602' },
  { id: 'office-xu', windowId: null, name: '徐文', title: '科长', post: '政务服务科', role: 'office', rank: 4, phone: '0562-2880001' },
]

/** Seeds the demo hall if it is not there yet. Returns false when it already existed. */
export async function seedDemoHall(store: Store): Promise<boolean> {
  if (await store.getHall(DEMO_HALL_ID)) return false
  await store.putHall(hall)
  for (const w of windows) await store.putWindow({ ...w, hallId: DEMO_HALL_ID, active: true })
  for (const s of staff) await store.putStaff({ ...s, hallId: DEMO_HALL_ID, active: true })
  return true
}

export const demoWindows = () => windows.map((w) => ({ id: w.id, name: w.name }))
