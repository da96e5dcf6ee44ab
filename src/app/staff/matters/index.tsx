// 事项清单 for the hall office (003): each window's matters with basis, materials and promised limit,
// edited one at a time or as a spreadsheet (export, edit, import all or nothing: each bad row named).
import { useState } from 'react'
import { confirmFirst } from '../../lib/confirm'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { ErrorBody } from '../../../core/errors'
import type { Matter } from '../../../core/schemas'
import type { MatterAdminView } from '../../../core/views'
import { callChecked } from '../../api/checked'
import { call, newRequestId } from '../../api/client'
import { ActionForm, type FieldSpec, type FormValues } from '../../components/ActionForm'
import { Message } from '../../components/CaseParts'
import { pickWorkbook, saveFile } from '../../lib/files'
import { useStaffView } from '../../lib/useStaffView'

function fields(view: MatterAdminView, m?: Matter): FieldSpec[] {
  return [
    { name: 'name', label: '事项名称', kind: 'text', initial: m?.name },
    {
      name: 'kind',
      label: '办件类型',
      kind: 'choice',
      options: [
        { value: 'instant', label: '即办件' },
        { value: 'promised', label: '承诺件' },
      ],
      initial: m?.kind ?? 'instant',
    },
    { name: 'promisedDays', label: '承诺时限（工作日，承诺件填写）', kind: 'number', initial: m?.promisedDays ? String(m.promisedDays) : '' },
    { name: 'windowId', label: '受理窗口', kind: 'choice', options: view.windows.map((w) => ({ value: w.id, label: w.name })), initial: m?.windowId },
    { name: 'basis', label: '设定依据', kind: 'textarea', initial: m?.basis },
    { name: 'materials', label: '所需材料（每行一项）', kind: 'textarea', initial: m?.materials.join('\n') },
    { name: 'keywords', label: '搜索关键词（用、分隔）', kind: 'text', initial: m?.keywords.join('、') },
    {
      name: 'selfServiceSteps',
      label: '自助办理步骤（每行一步；不提供自助办理请留空）',
      kind: 'textarea',
      initial: m?.selfService?.steps.join('\n') ?? '',
    },
    { name: 'selfServiceLink', label: '网上办理链接（https://…，可不填）', kind: 'text', initial: m?.selfService?.link ?? '' },
  ]
}

/** the self-service steps as typed, one per line; none when the steps are left empty */
function selfServiceOf(v: FormValues, m?: Matter): Matter['selfService'] {
  if (v.selfServiceSteps === undefined && v.selfServiceLink === undefined) return m?.selfService ?? null
  const steps = String(v.selfServiceSteps ?? m?.selfService?.steps.join('\n') ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
  const link = String(v.selfServiceLink ?? m?.selfService?.link ?? '').trim()
  return steps.length === 0 && !link ? null : { steps, link }
}

export default function MattersPage() {
  const { view, error, load } = useStaffView(() => call('matterList', {}))
  const [notice, setNotice] = useState<string | null>(null)
  // one id per new entry: a retried or repeated tap adds it once
  const [addRequest, setAddRequest] = useState(newRequestId)
  const [problems, setProblems] = useState<Array<{ row: number; column: string; message: string }>>([])

  async function save(v: FormValues, m?: Matter, active = m?.active ?? true): Promise<ErrorBody | null> {
    const kind = String(v.kind ?? m?.kind) as Matter['kind']
    const days = v.promisedDays === undefined ? m?.promisedDays : v.promisedDays === '' ? null : Number(v.promisedDays)
    const a = await callChecked('saveMatter', {
      ...(m ? { id: m.id } : { requestId: addRequest }),
      name: String(v.name ?? m?.name ?? ''),
      kind,
      promisedDays: kind === 'promised' ? (days ?? null) : null,
      windowId: String(v.windowId ?? m?.windowId ?? ''),
      basis: String(v.basis ?? m?.basis ?? ''),
      materials:
        v.materials === undefined
          ? (m?.materials ?? [])
          : String(v.materials)
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
      keywords:
        v.keywords === undefined
          ? (m?.keywords ?? [])
          : String(v.keywords)
              .split(/[、,，\s]+/)
              .map((s) => s.trim())
              .filter(Boolean),
      selfService: selfServiceOf(v, m),
      active,
    })
    if (!a.ok) return a.error
    if (!m) setAddRequest(newRequestId())
    setNotice(`已保存：${a.data.name}`)
    await load()
    return null
  }
  const exportAll = async () => {
    const a = await call('exportMatters', {})
    if (!a.ok) return Taro.showToast({ title: a.error.message, icon: 'none' })
    await saveFile(a.data).catch(() => Taro.showToast({ title: '文件保存失败，请重试', icon: 'none' }))
  }
  const importAll = async () => {
    const base64 = await pickWorkbook()
    if (!base64) return
    const sure = await confirmFirst({
      title: '确认导入事项清单',
      content: '表格中的事项将新增到清单或按名称更新现有事项，市民扫码后立即看到新的清单；导入后不能撤回，表格有错时不会导入任何事项。',
      confirmText: '确认导入',
    })
    if (!sure) return
    const a = await call('importMatters', { base64 })
    if (a.ok) {
      setProblems([])
      setNotice(`已导入 ${a.data.imported} 个事项（新增 ${a.data.created}，更新 ${a.data.updated}）`)
      await load()
    } else {
      setNotice(a.error.message)
      setProblems((a.error.details?.rows as typeof problems | undefined) ?? [])
    }
  }

  if (error)
    return (
      <View className='page'>
        <Message title='无法加载' text={error} />
      </View>
    )
  if (!view) return <View className='page loading'>正在加载…</View>
  return (
    <View className='page'>
      {notice ? <View className='notice'>{notice}</View> : null}
      {problems.length > 0 ? (
        <View className='section import-problems'>
          <View className='section__title'>请修改表格后重新导入</View>
          {problems.map((p, i) => (
            <View className='field__error' key={i}>
              第 {p.row} 行{p.column ? ` · ${p.column}` : ''}：{p.message}
            </View>
          ))}
        </View>
      ) : null}
      <View className='section'>
        <View className='muted matters__hint'>可导出为 Excel，在电脑上批量修改后再导入；表格中有任何一处错误时不会导入，并逐行列出需要修改的地方。</View>
        <View className='matters__buttons'>
          <Button className='btn btn--plain' onClick={exportAll}>
            导出 Excel
          </Button>
          <Button className='btn btn--plain' onClick={importAll}>
            导入 Excel
          </Button>
        </View>
        <ActionForm title='添加事项' fields={fields(view)} submitLabel='添加' onSubmit={(v) => save(v)} />
      </View>
      {view.matters.map((m) => (
        <View className={`section person ${m.active ? '' : 'person--off'}`} key={m.id}>
          <View className='person__row'>
            <Text className='person__name'>{m.name}</Text>
            <Text className={`tag ${m.active ? 'tag--active' : 'tag--stop'}`}>
              {m.active ? (m.kind === 'instant' ? '即办件' : `承诺 ${m.promisedDays} 个工作日`) : '已停用'}
            </Text>
          </View>
          <View className='muted'>
            {view.windows.find((w) => w.id === m.windowId)?.name ?? m.windowId} · 材料 {m.materials.length} 项{m.basis ? ` · 依据：${m.basis}` : ''}
          </View>
          <ActionForm title='修改' fields={fields(view, m)} submitLabel='保存' onSubmit={(v) => save(v, m)} />
          <Text className='link' onClick={() => void save({}, m, !m.active)}>
            {m.active ? '停用（不再出现在市民的事项清单中）' : '重新启用'}
          </Text>
        </View>
      ))}
    </View>
  )
}
