/**
 * Main-world script on allowed hosts: a page's own `window.print()` first asks the isolated
 * content script to offer the electronic path. Printing stays possible: "Vẫn in" calls the
 * browser's print from the isolated world, where this patch does not apply.
 * @module
 */
import { defineContentScript } from 'wxt/utils/define-content-script'

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_start',
  world: 'MAIN',
  main() {
    if (document.documentElement.dataset['trolyso'] === 'off') return
    const original = window.print
    const patched = function print(this: Window) {
      // the event name is duplicated from utils/print-events.ts: this bundle stays dependency-free;
      // the isolated script cancels the event when it takes over, otherwise printing goes on
      const handled = !document.dispatchEvent(new CustomEvent('trolyso:print-request', { cancelable: true }))
      if (!handled) original.call(window)
    }
    Object.defineProperty(window, 'print', { value: patched, configurable: true, writable: true })
  },
})
