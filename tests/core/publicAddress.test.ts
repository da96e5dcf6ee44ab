// The address in a self-hosted hall's codes: the office is warned before printing one citizens cannot open.
import { addressReach, addressWarning } from '../../src/core/publicAddress'

it.each([
  ['http://127.0.0.1:3000', 'loopback'],
  ['http://localhost:3000', 'loopback'],
  ['http://[::1]:3000', 'loopback'],
  ['http://192.168.1.20:3000', 'private'],
  ['http://10.0.0.5', 'private'],
  ['http://172.20.3.4', 'private'],
  ['http://172.32.3.4', 'public'],
  ['http://hall-server', 'private'],
  ['http://zwfw.lan', 'private'],
  ['https://zwfw.example.gov.cn', 'public'],
  ['https://61.191.22.3', 'public'],
  ['not a url', 'invalid'],
] as const)('%s reaches %s', (base, reach) => {
  expect(addressReach(base)).toBe(reach)
})

it('warns about an address only this computer or the intranet can open, and says how to fix it', () => {
  expect(addressWarning('https://zwfw.example.gov.cn', true)).toBeNull()
  expect(addressWarning('http://127.0.0.1:3000', false)).toMatch(/只能在本机打开.*设置大厅的公开访问地址（PUBLIC_URL）/)
  expect(addressWarning('http://192.168.1.20:3000', true)).toMatch(/内网地址.*检查服务器设置的 PUBLIC_URL/)
})
