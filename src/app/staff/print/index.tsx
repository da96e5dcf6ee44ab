// The paper forms of 000, laid out like the originals on A4 for the H5 build: 附件1 一次性补件告知单 and
// 附件2 窗口首问负责事项交接单. Both parties keep a copy of the slip.
import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import type { CaseView } from '../../../core/views'
import { call } from '../../api/client'
import { Message } from '../../components/CaseParts'
import { formatDateTime } from '../../lib/format'

const ymd = (iso: string) => formatDateTime(iso).split(' ')[0]

export default function PrintPage() {
  const { params } = useRouter()
  const [view, setView] = useState<CaseView | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    call('getCase', { caseId: params.id ?? '' }).then((a) => (a.ok ? setView(a.data) : setError(a.error.message)))
  }, [params.id])

  if (error) return <View className='page'><Message title='无法打印' text={error} /></View>
  if (!view) return <View className='page loading'>正在加载…</View>
  const no = decodeURIComponent(params.no ?? '')
  const notice = view.notices.find((n) => n.noticeNo === no)
  const slip = view.handovers.find((h) => h.slipNo === no)
  const printButton = process.env.TARO_ENV === 'h5' ? (
    <Button className='btn btn--primary no-print' onClick={() => window.print()}>
      打印
    </Button>
  ) : null

  if (params.form === 'notice' && notice) {
    return (
      <View className='a4'>
        <View className='a4__title'>一次性补件告知单</View>
        <View className='a4__right'>编号：{notice.noticeNo}</View>
        <View className='a4__line'>
          <View className='a4__fill'>{view.contact.name}</View>单位（个人）：
        </View>
        <View className='a4__para'>
          你单位（个人）提出的「{view.text.slice(0, 40)}」申请经审查，所提供的申请材料不完全符合法定形式，请将下列材料补正补全：
        </View>
        {notice.items.map((item, i) => (
          <View className='a4__item' key={i}>
            {i + 1}. {item}
          </View>
        ))}
        <View className='a4__sign'>
          <View>经办人：{notice.by}</View>
          <View>被告知人：</View>
          <View>日期：{ymd(notice.at)}</View>
        </View>
        <View className='a4__foot'>{view.hall.name}　{view.window.name}</View>
        {printButton}
      </View>
    )
  }
  if (params.form === 'slip' && slip) {
    const rows: Array<[string, string, string?, string?]> = [
      ['服务对象单位或个人名称', view.contact.name],
      ['服务对象联系电话', view.contact.phone],
      ['交接内容（或拟办事项）', view.text],
      ['交接原因', slip.reason],
      ['交接窗口', view.window.name, '交接人及联系电话', `${slip.from.name} ${slip.from.phone}`],
      ['接收窗口', view.window.name, '接收人及联系电话', `${slip.to.name} ${slip.to.phone}`],
      ['备注', slip.remarks || (slip.acknowledgedAt ? `接收人已于 ${formatDateTime(slip.acknowledgedAt)} 阅知` : '')],
    ]
    return (
      <View className='a4'>
        <View className='a4__title'>窗口首问负责事项交接单</View>
        <View className='a4__meta'>
          <View>编号：{slip.slipNo}</View>
          <View>时间：{ymd(slip.at)}</View>
        </View>
        <View className='a4__table'>
          {rows.map(([k1, v1, k2, v2]) => (
            <View className='a4__row' key={k1}>
              <View className='a4__key'>{k1}</View>
              <View className={`a4__val ${k2 ? '' : 'a4__val--wide'}`}>{v1}</View>
              {k2 ? <View className='a4__key'>{k2}</View> : null}
              {k2 ? <View className='a4__val'>{v2}</View> : null}
            </View>
          ))}
        </View>
        <View className='a4__note'>注：此单一式两份，交接人一份，接收人一份。</View>
        {printButton}
      </View>
    )
  }
  return <View className='page'><Message title='没有这张表单' text={`编号 ${no} 不属于本案`} /></View>
}
