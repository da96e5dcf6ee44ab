// Self-hosted: every notification is POSTed as JSON to the hall's own gateway (SMS, work chat), signed
// with HMAC-SHA256 of the body so the gateway can check it came from here.
import { createHmac } from 'node:crypto'
import type { Sender } from './deliver'

export function webhookSender(url: string, secret: string, fetchImpl: typeof fetch = fetch): Sender {
  return async (item) => {
    const body = JSON.stringify(item.notification)
    const signature = createHmac('sha256', secret).update(body).digest('hex')
    const res = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shouwen-signature': `sha256=${signature}` },
      body,
      signal: AbortSignal.timeout(10_000),
    })
    if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`)
    return 'sent'
  }
}
