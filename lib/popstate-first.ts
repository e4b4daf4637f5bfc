/**
 * A `popstate` listener that runs before Next's router's. Next registers its own when the page
 * hydrates, and listeners on `window` run in the order they were added (capture or not), so the
 * root layout adds this one in an inline script in <head>, ahead of every other script. It calls
 * the handler a page put in the slot, if any: the models index handles Back/Forward between its
 * own views there and stops the event before Next re-renders the page for them
 * (components/models-table/use-index-state.ts).
 */

/** The `window` property holding the handler. */
export const POPSTATE_FIRST = '__popstateFirst'

/** The inline script's text (root layout). */
export const popstateFirstScript = `addEventListener('popstate',function(e){var h=window.${POPSTATE_FIRST};h&&h(e)},true)`

type Slot = Record<typeof POPSTATE_FIRST, ((event: PopStateEvent) => void) | undefined>

/** Puts `handler` in the slot; returns what takes it out again (if it is still the one there). */
export function handlePopstateFirst(handler: (event: PopStateEvent) => void): () => void {
  const slot = window as unknown as Slot
  slot[POPSTATE_FIRST] = handler
  return () => {
    if (slot[POPSTATE_FIRST] === handler) slot[POPSTATE_FIRST] = undefined
  }
}
