import type { ReactNode, RefObject } from 'react'
import { Component } from 'react'

interface Place {
  /** The row's model id; `null`: the header row. */
  model: string | null
  /** The element's index among the row's elements. */
  index: number
}

/**
 * Keeps keyboard focus inside the index table when the light table gives way to the live one
 * (`swap` changes): the table is a new element then, and focus on one of its controls (a header
 * button, a checkbox, a name link) would fall back to the page. The focused element is found
 * again in the new table by its row (model id, or the header row) and its place in the row, and
 * focused. A class for `getSnapshotBeforeUpdate`, the one hook that runs before React replaces
 * the DOM.
 */
export class KeepFocus extends Component<{
  swap: unknown
  within: RefObject<HTMLElement | null>
  children: ReactNode
}> {
  getSnapshotBeforeUpdate(prev: { swap: unknown }): Place | null {
    if (prev.swap === this.props.swap) return null
    const root = this.props.within.current
    const el = document.activeElement
    if (!root || !el || !root.contains(el)) return null
    const tr = el.closest('tr')
    if (!tr) return null
    return { model: tr.getAttribute('data-model'), index: Array.prototype.indexOf.call(tr.querySelectorAll('*'), el) }
  }

  componentDidUpdate(_prev: unknown, _state: unknown, place: Place | null) {
    if (!place || place.index < 0) return
    const root = this.props.within.current
    const tr = place.model
      ? root?.querySelector(`tr[data-model="${CSS.escape(place.model)}"]`)
      : root?.querySelector('thead tr')
    const el = tr?.querySelectorAll('*')[place.index]
    if (el instanceof HTMLElement && document.activeElement !== el) el.focus({ preventScroll: true })
  }

  render() {
    return this.props.children
  }
}
