// 工作人员管理 for the hall office: each window's people with title, post and rank (the citizen sees
// them on the responder card, 000 §10) and how they sign in — an invite code to bind WeChat in the
// mini-program, a login and password on the hall's own server. Deactivate, never delete.
import { useState } from 'react'
import { confirmFirst } from '../../lib/confirm'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ErrorBody } from '../../../core/errors'
import type { StaffAdminView } from '../../../core/views'
import { callChecked } from '../../api/checked'
import { call, newRequestId } from '../../api/client'
import { ActionForm, type FieldSpec, type FormValues } from '../../components/ActionForm'
import { Message } from '../../components/CaseParts'
import { useStaffView } from '../../lib/useStaffView'
import { choosePhotos, uploadPhoto } from '../../api/upload'

type Person = StaffAdminView['staff'][number]
const ROLE = { staff: '窗口人员', lead: '窗口负责人', office: '政务服务科' } as const

function fields(view: StaffAdminView, p?: Person): FieldSpec[] {
  const out: FieldSpec[] = [
    { name: 'name', label: '姓名', kind: 'text', initial: p?.name },
    { name: 'title', label: '职务', kind: 'text', placeholder: '例如 科员、首席代表', initial: p?.title },
    { name: 'post', label: '工作岗位', kind: 'text', placeholder: '例如 不动产登记受理岗', initial: p?.post },
    { name: 'role', label: '身份', kind: 'choice', options: Object.entries(ROLE).map(([value, label]) => ({ value, label })), initial: p?.role ?? 'staff' },
    {
      name: 'windowId',
      label: '所在窗口（政务服务科人员不选）',
      kind: 'choice',
      options: view.windows.map((w) => ({ value: w.id, label: w.name })),
      initial: p?.windowId ?? undefined,
    },
    { name: 'rank', label: '职级（数字越大越高，多人同时答复时由职级最高者负责）', kind: 'number', initial: String(p?.rank ?? 1) },
    { name: 'phone', label: '办公电话', kind: 'text', initial: p?.phone },
  ]
  if (view.mode === 'selfHosted') out.push({ name: 'login', label: '登录名（字母、数字）', kind: 'text', initial: p?.login ?? '' })
  return out
}

export default function PeoplePage() {
  const { view, error, load } = useStaffView(() => call('staffList', {}))
  const [open, setOpen] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // one id per new entry: a retried or repeated tap adds it once
  const [addRequest, setAddRequest] = useState(newRequestId)

  async function save(v: FormValues, p?: Person, active = p?.active ?? true): Promise<ErrorBody | null> {
    const role = String(v.role) as Person['role']
    const a = await callChecked('saveStaff', {
      ...(p ? { id: p.id } : { requestId: addRequest }),
      name: String(v.name ?? p?.name ?? ''),
      title: String(v.title ?? p?.title ?? ''),
      post: String(v.post ?? p?.post ?? ''),
      role,
      windowId: role === 'office' ? null : String(v.windowId ?? p?.windowId ?? '') || null,
      rank: Number(v.rank ?? p?.rank ?? 1),
      phone: String(v.phone ?? p?.phone ?? ''),
      active,
      ...(view?.mode === 'selfHosted' && v.login !== undefined ? { login: String(v.login) } : {}),
    })
    if (!a.ok) return a.error
    if (!p) setAddRequest(newRequestId())
    setNotice(p ? `已保存：${a.data.name}` : `已添加：${a.data.name}`)
    setOpen(null)
    await load()
    return null
  }
  const toggle = async (p: Person) => {
    if (
      p.active &&
      !(await confirmFirst({
        title: `停用 ${p.name}`,
        content: '停用后本人不能再登录，也不会再接到新的案件；其案件和考核记录保留，可随时重新启用。',
        confirmText: '确认停用',
        danger: true,
      }))
    )
      return
    const refusal = await save({ role: p.role }, p, !p.active)
    if (refusal) Taro.showToast({ title: refusal.message, icon: 'none' })
  }
  const invite = async (p: Person) => {
    const a = await call('createInvite', { staffId: p.id })
    if (!a.ok) return Taro.showToast({ title: a.error.message, icon: 'none' })
    await Taro.showModal({
      title: `${p.name} 的邀请码`,
      content: `${a.data.code}\n请本人在小程序「工作人员登录」中输入，${a.data.expiresAt.slice(5, 10).replace('-', '月')}日前有效，仅可使用一次。`,
      showCancel: false,
      confirmText: '知道了',
    })
  }
  const unbind = async (p: Person) => {
    const a = await call('unbindStaff', { staffId: p.id })
    if (!a.ok) return Taro.showToast({ title: a.error.message, icon: 'none' })
    setNotice(`已解除 ${p.name} 的微信绑定`)
    await load()
  }
  const password = async (p: Person, v: FormValues): Promise<ErrorBody | null> => {
    const a = await callChecked('setStaffPassword', { staffId: p.id, password: String(v.password) })
    if (!a.ok) return a.error
    setNotice(`已为 ${p.name} 设置密码（登录名 ${a.data.login}）`)
    return null
  }

  // after 5 wrong passwords an account is locked for 15 minutes; the office may lift it sooner
  const unlock = async (p: Person) => {
    const a = await call('unlockSignIn', { staffId: p.id })
    if (!a.ok) return Taro.showToast({ title: a.error.message, icon: 'none' })
    setNotice(a.data.wasLocked ? `已解除 ${p.name} 的登录锁定，请本人重新登录` : `${p.name} 的账号没有被锁定`)
  }

  // 000 §10: the photo on the responder card citizens see
  const photo = async (p: Person, remove = false) => {
    let id: string | null = null
    if (!remove) {
      const chosen = await choosePhotos(1)
      if (chosen.error) return Taro.showToast({ title: chosen.error, icon: 'none' })
      const [picked] = chosen.photos
      if (!picked) return
      Taro.showLoading({ title: '正在上传…' })
      const up = await uploadPhoto(view!.hallId, picked, 'staff')
      Taro.hideLoading()
      if (!up.ok) return Taro.showToast({ title: up.message, icon: 'none' })
      id = up.id
    }
    const a = await call('setStaffPhoto', { staffId: p.id, photo: id })
    if (!a.ok) return Taro.showToast({ title: a.error.message, icon: 'none' })
    setNotice(remove ? `已删除 ${p.name} 的照片` : `已更新 ${p.name} 的照片，市民会在首问负责人名片上看到`)
    await load()
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
      <View className='section'>
        <ActionForm title='添加工作人员' fields={fields(view)} submitLabel='添加' onSubmit={(v) => save(v)} />
      </View>
      {view.staff.map((p) => (
        <View className={`section person ${p.active ? '' : 'person--off'}`} key={p.id}>
          <View className='person__row' onClick={() => setOpen(open === p.id ? null : p.id)}>
            {p.photoUrl ? (
              <Image className='person__photo' src={p.photoUrl} mode='aspectFill' />
            ) : (
              <View className='person__photo person__photo--none'>{p.name.slice(0, 1)}</View>
            )}
            <View className='person__who'>
              <Text className='person__name'>{p.name}</Text>
              <Text className='muted'>
                {' '}
                {p.title} · {p.windowName}
              </Text>
            </View>
            <Text className={`tag ${p.active ? 'tag--active' : 'tag--stop'}`}>{p.active ? ROLE[p.role] : '已停用'}</Text>
          </View>
          <View className='muted'>
            {p.post}
            {view.mode === 'cloud' ? (p.bound ? ' · 已绑定微信' : ' · 未绑定微信') : p.login ? ` · 登录名 ${p.login}` : ' · 未设置登录名'}
          </View>
          {open === p.id ? (
            <View className='person__actions'>
              <ActionForm title='编辑资料' fields={fields(view, p)} submitLabel='保存' onSubmit={(v) => save(v, p)} />
              <View className='chips'>
                <Text className='chip' onClick={() => photo(p)}>
                  {p.photoUrl ? '更换照片' : '上传照片'}
                </Text>
                {p.photoUrl ? (
                  <Text className='chip' onClick={() => photo(p, true)}>
                    删除照片
                  </Text>
                ) : null}
              </View>
              {p.active && view.mode === 'cloud' ? (
                <View className='chips'>
                  <Text className='chip' onClick={() => invite(p)}>
                    生成邀请码
                  </Text>
                  {p.bound ? (
                    <Text className='chip' onClick={() => unbind(p)}>
                      解除微信绑定
                    </Text>
                  ) : null}
                </View>
              ) : null}
              {p.active && view.mode === 'selfHosted' && p.login ? (
                <ActionForm
                  title='设置登录密码'
                  fields={[{ name: 'password', label: '新密码（至少 8 位）', kind: 'text' }]}
                  submitLabel='设置密码'
                  tone='plain'
                  onSubmit={(v) => password(p, v)}
                />
              ) : null}
              {p.active && view.mode === 'selfHosted' && p.login ? (
                <View className='chips'>
                  <Text className='chip' onClick={() => unlock(p)}>
                    解除登录锁定
                  </Text>
                </View>
              ) : null}
              <Text className='link' onClick={() => toggle(p)}>
                {p.active ? '停用（离岗、调离时使用；其案件和考核记录保留）' : '重新启用'}
              </Text>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
