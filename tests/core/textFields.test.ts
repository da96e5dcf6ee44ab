// Every text field of every action's input refuses a NUL byte and a lone surrogate at the schema
// (INVALID_INPUT naming the field), so no such string ever reaches a store, where PostgreSQL would
// fail on it. Walks the shared zod schemas, so a field added later is held to it too.
import type { z } from 'zod'
import { ActionInputs, ACTION_NAMES } from '../../src/core/api'
import { isCleanText } from '../../src/core/text'

type Def = { type: string; [k: string]: unknown }
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def

/** every string schema inside, with its path */
function stringLeaves(schema: unknown, path: string, out: Array<{ path: string; schema: z.ZodType }>, seen = new Set<unknown>()) {
  if (seen.has(schema)) return
  seen.add(schema)
  const def = defOf(schema)
  switch (def.type) {
    case 'string':
      out.push({ path, schema: schema as z.ZodType })
      return
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) stringLeaves(v, `${path}.${k}`, out, seen)
      return
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return stringLeaves(def.innerType, path, out, seen)
    case 'array':
      return stringLeaves(def.element, `${path}[]`, out, seen)
    case 'union':
      for (const o of def.options as unknown[]) stringLeaves(o, path, out, seen)
      return
    case 'pipe':
      stringLeaves(def.in, path, out, seen)
      return stringLeaves(def.out, path, out, seen)
    case 'record':
      stringLeaves(def.keyType, `${path}{key}`, out, seen)
      return stringLeaves(def.valueType, `${path}{}`, out, seen)
    case 'intersection':
      stringLeaves(def.left, path, out, seen)
      return stringLeaves(def.right, path, out, seen)
    case 'tuple':
      for (const [i, o] of (def.items as unknown[]).entries()) stringLeaves(o, `${path}[${i}]`, out, seen)
      return
    case 'lazy':
      return stringLeaves((def.getter as () => unknown)(), path, out, seen)
    default:
      // numbers, booleans, enums, literals, transforms: no free text
      return
  }
}

const BAD = ['请问\u0000怎么办理', '请问\ud800怎么办理', '请问\udc00怎么办理', '\u0000', 'abcdefghij\udbff']

it('finds the text fields of every action and each refuses NUL and lone surrogates', () => {
  const leaves: Array<{ path: string; schema: z.ZodType }> = []
  for (const action of ACTION_NAMES) stringLeaves(ActionInputs[action], action, leaves)
  expect(leaves.length).toBeGreaterThan(80)
  const accepted = leaves.flatMap(({ path, schema }) => BAD.filter((v) => schema.safeParse(v).success).map((v) => `${path}: ${JSON.stringify(v)}`))
  expect(accepted).toEqual([])
})

it('knows clean text from unclean', () => {
  expect(isCleanText('办理二手房过户 😀 \t\n')).toBe(true)
  expect(isCleanText('a\u0000')).toBe(false)
  expect(isCleanText('\ud83d')).toBe(false)
  expect(isCleanText('\ude00x')).toBe(false)
})
