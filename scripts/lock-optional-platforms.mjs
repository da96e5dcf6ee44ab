// Run after `npm install` changes package-lock.json. When the registry a machine uses lacks another
// platform's prebuilt binary (e.g. @tarojs/binding-darwin-arm64), npm leaves that optional
// dependency out of the lock, and `npm ci` then refuses the lock as out of sync. This adds the
// missing optional platform entries (never installed on other platforms) so `npm ci` works anywhere.
import { readFileSync, writeFileSync } from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages
const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openbsd', 'sunos', 'aix', 'netbsd']
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32']
let added = 0
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const parts = name.split('/').pop().split('-')
    const os = parts.find((p) => OS.includes(p))
    const cpu = parts.find((p) => CPU.includes(p))
    if (!os || !cpu) continue
    const nested = `${path}/node_modules/${name}`
    const top = `node_modules/${name}`
    if (packages[nested] || packages[top]) continue
    packages[top] = { version, cpu: [cpu], ...(meta.dev ? { dev: true } : {}), optional: true, os: [os] }
    added++
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))))
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`added ${added} optional platform entries to package-lock.json`)
