// The address printed in a self-hosted hall's QR codes (posters, slips). Without PUBLIC_URL it is the
// address the office's browser used, which may be this computer (127.0.0.1) or the hall's intranet:
// a code printed with it opens nothing on a citizen's phone, so the page says so before printing.

export type AddressReach = 'public' | 'loopback' | 'private' | 'invalid'

/** how far an address reaches: the internet, the hall's intranet, or only the computer it runs on */
export function addressReach(base: string): AddressReach {
  let host: string
  try {
    host = new URL(base).hostname.toLowerCase().replace(/^\[|\]$/g, '')
  } catch {
    return 'invalid'
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host) || host === '0.0.0.0') return 'loopback'
  const v4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(host)
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])]
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127))
      return 'private'
    return 'public'
  }
  if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe80:/.test(host)) return 'private'
  if (host.endsWith('.local') || host.endsWith('.lan') || host.endsWith('.internal') || !host.includes('.')) return 'private'
  return 'public'
}

/** what the office is told before printing codes that carry `base`; null when citizens can open it */
export function addressWarning(base: string, fromPublicUrl: boolean): string | null {
  const reach = addressReach(base)
  const fix = fromPublicUrl ? '请检查服务器设置的 PUBLIC_URL。' : '请在服务器上设置大厅的公开访问地址（PUBLIC_URL）后再打印。'
  if (reach === 'loopback') return `二维码中的地址 ${base} 只能在本机打开，市民扫码后打不开。${fix}`
  if (reach === 'private') return `二维码中的地址 ${base} 是内网地址，只有连上大厅内网的手机才能打开。如需市民用自己的流量扫码，${fix}`
  if (reach === 'invalid') return `二维码中的地址 ${base} 无法识别。${fix}`
  return null
}
