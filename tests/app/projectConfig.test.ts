// WeChat DevTools compiles the bundle as project.config.json says. The built mini-program uses syntax
// newer than ES5 (optional chaining and the like come from libraries), so the project must ask
// DevTools to compile it down for older phones' base libraries (es6 + enhance).
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '../..')
const config = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as { setting: Record<string, unknown>; miniprogramRoot: string }

it('compiles the bundle down to ES5 in DevTools (es6 and enhance), as the bundle needs', () => {
  const dir = join(root, config.miniprogramRoot)
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'))
  const modern = scripts.some((f) => /\?\.[a-zA-Z_$[(]|\?\?/.test(readFileSync(join(dir, f), 'utf8')))
  // the built main package does use such syntax today; if it ever stops, the settings may stay
  expect(modern).toBe(true)
  expect(config.setting).toMatchObject({ es6: true, enhance: true })
})
