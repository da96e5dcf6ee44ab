// The demo hall that `npm start` seeds on the embedded database: a city service hall with six windows,
// their staff and leads, and the hall office. Demo identities sign in without a password, so they
// exist only in demo mode (never with NODE_ENV=production).
import type { Hall, Matter, Staff, Window } from '../core/schemas'
import type { Store } from './store/port'

export const DEMO_HALL_ID = 'demo'

const hall: Hall = {
  id: DEMO_HALL_ID,
  prefix: 'SF',
  name: '示范市政务服务中心',
  address: '示范市新城区政务大道 88 号',
  supervisionPhone: '0562-12345',
  selfServicePhone: '0562-2880009',
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

type DemoMatter = Omit<Matter, 'hallId' | 'active' | 'keywords' | 'selfService'> & { keywords?: string[]; selfService?: Matter['selfService'] }
const matters: DemoMatter[] = [
  {
    id: 'bdc-zydj',
    windowId: 'bdc',
    name: '不动产转移登记（二手房买卖）',
    kind: 'promised',
    promisedDays: 5,
    basis: '《不动产登记暂行条例》第十四条、第十六条；《不动产登记暂行条例实施细则》第三十八条',
    materials: ['不动产登记申请书', '买卖双方身份证明', '不动产权证书', '不动产买卖合同', '完税凭证', '婚姻状况证明'],
    keywords: ['过户', '二手房', '买房', '卖房'],
  },
  {
    id: 'bdc-dydj',
    windowId: 'bdc',
    name: '不动产抵押登记',
    kind: 'promised',
    promisedDays: 3,
    basis: '《不动产登记暂行条例》第十四条；《不动产登记暂行条例实施细则》第六十五条',
    materials: ['不动产登记申请书', '申请人身份证明', '不动产权证书', '主债权合同', '抵押合同'],
    keywords: ['贷款', '抵押'],
  },
  {
    id: 'bdc-cx',
    windowId: 'bdc',
    name: '不动产登记资料查询',
    kind: 'instant',
    promisedDays: null,
    basis: '《不动产登记资料查询暂行办法》第十四条',
    materials: ['查询申请书', '查询人身份证明'],
    keywords: ['查档', '房产查询', '查房'],
    selfService: {
      steps: ['在自助服务区的不动产查询机上选择「本人名下不动产查询」', '刷身份证并完成人脸识别', '核对查询结果，需要时打印查询结果证明'],
      link: '',
    },
  },
  {
    id: 'gjj-tq',
    windowId: 'gjj',
    name: '住房公积金提取（购买自住住房）',
    kind: 'promised',
    promisedDays: 3,
    basis: '《住房公积金管理条例》第二十四条',
    materials: ['本人身份证', '购房合同', '购房发票或契税完税凭证', '本人银行卡'],
    keywords: ['提取', '取公积金', '买房'],
  },
  {
    id: 'gjj-dk',
    windowId: 'gjj',
    name: '住房公积金个人住房贷款受理',
    kind: 'promised',
    promisedDays: 10,
    basis: '《住房公积金管理条例》第二十六条',
    materials: ['借款人及配偶身份证', '婚姻状况证明', '购房合同', '首付款凭证', '收入证明'],
    keywords: ['贷款', '公积金贷款'],
  },
  {
    id: 'gjj-zm',
    windowId: 'gjj',
    name: '住房公积金缴存证明开具',
    kind: 'instant',
    promisedDays: null,
    basis: '《住房公积金管理条例》第十五条',
    materials: ['本人身份证'],
    keywords: ['缴存证明', '证明'],
    selfService: {
      steps: [
        '在大厅自助服务区的公积金自助终端上点击「缴存证明打印」',
        '将本人身份证放在读卡区，按提示完成人脸识别',
        '选择证明的用途和份数，确认后取走打印的证明（加盖电子印章）',
      ],
      link: 'https://gjj.example.gov.cn/wsbs/jczm',
    },
  },
  {
    id: 'sb-lhjy',
    windowId: 'sb',
    name: '灵活就业人员参保登记',
    kind: 'instant',
    promisedDays: null,
    basis: '《中华人民共和国社会保险法》第十条、第二十三条',
    materials: ['本人身份证'],
    keywords: ['社保', '个体', '自由职业'],
  },
  {
    id: 'sb-zy',
    windowId: 'sb',
    name: '养老保险关系转移接续',
    kind: 'promised',
    promisedDays: 15,
    basis: '《城镇企业职工基本养老保险关系转移接续暂行办法》第八条',
    materials: ['本人身份证', '参保缴费凭证', '转移接续申请表'],
    keywords: ['转社保', '异地', '转移'],
  },
  {
    id: 'sb-sbk',
    windowId: 'sb',
    name: '社会保障卡申领',
    kind: 'promised',
    promisedDays: 5,
    basis: '《社会保障卡管理办法》第九条',
    materials: ['本人身份证', '近期免冠照片'],
    keywords: ['社保卡', '补卡'],
  },
  {
    id: 'qykb-sl',
    windowId: 'qykb',
    name: '有限责任公司设立登记',
    kind: 'promised',
    promisedDays: 1,
    basis: '《中华人民共和国市场主体登记管理条例》第十六条、第十九条',
    materials: ['公司登记（备案）申请书', '公司章程', '股东主体资格证明', '法定代表人、董事、监事和经理的任职文件', '住所使用证明'],
    keywords: ['开公司', '注册公司', '营业执照'],
  },
  {
    id: 'qykb-gt',
    windowId: 'qykb',
    name: '个体工商户设立登记',
    kind: 'instant',
    promisedDays: null,
    basis: '《促进个体工商户发展条例》；《中华人民共和国市场主体登记管理条例》第十六条',
    materials: ['个体工商户登记（备案）申请书', '经营者身份证明', '经营场所使用证明'],
    keywords: ['个体户', '营业执照', '开店'],
  },
  {
    id: 'sw-fp',
    windowId: 'sw',
    name: '发票领用',
    kind: 'instant',
    promisedDays: null,
    basis: '《中华人民共和国发票管理办法》第十五条',
    materials: ['经办人身份证件', '发票专用章印模'],
    keywords: ['领发票', '发票'],
  },
  {
    id: 'sw-qs',
    windowId: 'sw',
    name: '房产交易契税申报',
    kind: 'instant',
    promisedDays: null,
    basis: '《中华人民共和国契税法》第九条、第十条',
    materials: ['身份证明', '不动产买卖合同', '购房发票'],
    keywords: ['契税', '过户', '买房'],
  },
  {
    id: 'zxzx-bb',
    windowId: 'zxzx',
    name: '帮办代办服务预约',
    kind: 'instant',
    promisedDays: null,
    basis: '《国务院办公厅关于深化政务服务“一网通办”和“帮办代办”的指导意见》',
    materials: [],
    keywords: ['帮办', '代办', '老年人'],
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
  for (const m of matters) await store.putMatter({ keywords: [], selfService: null, ...m, hallId: DEMO_HALL_ID, active: true })
  return true
}

export const demoWindows = () => windows.map((w) => ({ id: w.id, name: w.name }))

/** the demo hall's people and matters, for the generator of its history (demoHistory.ts) */
export const demoStaff = () => staff.map((s) => ({ id: s.id, windowId: s.windowId, role: s.role }))
export const demoMatters = () => matters.map((m) => ({ id: m.id, windowId: m.windowId, name: m.name, kind: m.kind, promisedDays: m.promisedDays }))
