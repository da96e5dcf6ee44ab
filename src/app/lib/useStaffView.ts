// A staff page's view, loaded one way on every staff page: on show and on pull-down (or once, for a
// page whose load has a cost of its own), the sign-in page when the staff session is gone, else the
// message where the page would be.
import { useEffect, useState } from 'react'
import type { ApiAnswer } from '../../core/api'
import { call, settle } from '../api/client'
import { useRefresh } from './useRefresh'

export interface StaffView<T, A extends unknown[]> {
  view: T | null
  /** an action that answers with the new view shows it; a page switching scope clears it while it loads */
  setView: (view: T | null) => void
  error: string | null
  setError: (message: string | null) => void
  /** loads again; a page with a scope (a month, a window) passes the one just chosen */
  load: (...args: A) => Promise<void>
}

/** `fetch` gives every parameter a default: a refresh calls it with none */
export function useStaffView<T, A extends unknown[] = []>(
  fetch: (...args: A) => Promise<ApiAnswer<T>>,
  opts: {
    /** what the page derives from each view it is given (a draft, the title) */
    loaded?: (view: T) => void
    /** load on opening only: printing reveals the citizen's number, a poster asks WeChat for a code */
    once?: boolean
    /**
     * the page reads what a citizen may read too (a case): without a staff session the server answers
     * 找不到, so a refusal is checked against the session and an ended one goes to the sign-in page
     */
    sharedWithCitizens?: boolean
  } = {},
): StaffView<T, A> {
  const [view, setView] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = async (...args: A) => {
    let a = await fetch(...args)
    if (!a.ok && opts.sharedWithCitizens && (a.error.code === 'NOT_FOUND' || a.error.code === 'FORBIDDEN')) {
      const s = await call('session', {})
      if (s.ok && !s.data.staff) a = { ok: false, error: { code: 'UNAUTHENTICATED', message: '请重新登录' } }
    }
    settle(
      a,
      (data) => {
        setView(data)
        setError(null)
        opts.loaded?.(data)
      },
      setError,
    )
  }
  const fresh = () => load(...([] as unknown[] as A))
  useRefresh(() => (opts.once ? Promise.resolve() : fresh()))
  useEffect(() => {
    if (opts.once) void fresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once means on opening, whatever changes later
  }, [])
  return { view, setView, error, setError, load }
}
