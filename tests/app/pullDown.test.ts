// Every page that loads its view on show also reloads on pull-down in the mini-program (issue: the
// page refreshes itself while open): its config enables pull-down. A page loaded once (printing,
// posters, the slip) and forms that must not lose what was typed (registration) are the exceptions.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const APP = join(__dirname, '../../src/app')
const FORMS = new Set(['staff/register'])

const pages = ['pages', 'staff'].flatMap((dir) => readdirSync(join(APP, dir)).map((p) => `${dir}/${p}`))

it.each(pages.filter((p) => existsSync(join(APP, p, 'index.tsx'))))('%s enables pull-down when it reloads on show', (page) => {
  const source = readFileSync(join(APP, page, 'index.tsx'), 'utf8')
  const reloads = /useRefresh\(|useStaffView\(/.test(source) && !/once: true/.test(source)
  const config = readFileSync(join(APP, page, 'index.config.ts'), 'utf8')
  if (reloads && !FORMS.has(page)) expect(config).toMatch(/enablePullDownRefresh: true/)
})
