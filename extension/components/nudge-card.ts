/**
 * The nudge card: rendered in an open shadow root attached to `<html>`, beside the page and
 * never inside its editor, with its own styles (`all: initial`) and keyboard events kept
 * from the host's shortcuts. One card at a time; showing a new one replaces the old.
 * @module
 */

export type NudgeChoice = 'primary' | 'secondary' | 'dismiss' | 'mute'

export type NudgeContent = {
  kind: string
  title: string
  /** paragraphs; plain text, never HTML */
  lines: string[]
  primary: string
  secondary?: string
  /** offer to mute this kind of nudge here */
  mutable?: boolean
  /** label of the mute button; "Không nhắc lại cho thư này" by default */
  muteLabel?: string
}

const STYLE = `
:host { all: initial !important; display: block !important; position: fixed !important; z-index: 2147483647 !important;
  right: 16px !important; bottom: 16px !important; }
.card { position: relative; width: min(420px, calc(100vw - 32px));
  box-sizing: border-box; background: #fff; color: #1b1b1b; border: 1px solid #c62828; border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); font: 14px/1.45 system-ui, "Segoe UI", Roboto, Arial, sans-serif; padding: 14px 16px; }
h2 { font-size: 15px; margin: 0 24px 8px 0; color: #b71c1c; }
p { margin: 0 0 8px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; }
button { font: inherit; border-radius: 6px; padding: 7px 12px; cursor: pointer; border: 1px solid #888; background: #f5f5f5; color: #1b1b1b; }
button.primary { background: #c62828; border-color: #c62828; color: #fff; font-weight: 600; }
button.link { border: none; background: none; color: #555; text-decoration: underline; padding: 7px 4px; }
button.close { position: absolute; top: 6px; right: 8px; border: none; background: none; font-size: 18px; padding: 2px 6px; }
.status { margin-top: 8px; font-weight: 600; }
:host([data-kind="route-done"]) .card { border-color: #2e7d32; }
:host([data-kind="route-done"]) h2 { color: #1b5e20; }
:host([data-kind="route-done"]) button.primary { background: #2e7d32; border-color: #2e7d32; }
`

const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const

export const createNudgeCard = (doc: Document = document) => {
  let host: HTMLElement | null = null
  let resolveCurrent: ((choice: NudgeChoice) => void) | null = null

  const close = (choice: NudgeChoice = 'dismiss') => {
    host?.remove()
    host = null
    const resolve = resolveCurrent
    resolveCurrent = null
    resolve?.(choice)
  }

  return {
    /** @returns the official's choice; `dismiss` when replaced or closed */
    show(content: NudgeContent): Promise<NudgeChoice> {
      close('dismiss')
      host = doc.createElement('trolyso-nudge')
      host.dataset['kind'] = content.kind
      const shadow = host.attachShadow({ mode: 'open' })
      for (const type of KEY_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation())
      const style = doc.createElement('style')
      style.textContent = STYLE
      const card = doc.createElement('div')
      card.className = 'card'
      card.setAttribute('role', 'alertdialog')
      card.setAttribute('aria-label', content.title)
      card.lang = 'vi'
      const title = doc.createElement('h2')
      title.textContent = content.title
      card.append(title)
      for (const line of content.lines) {
        const p = doc.createElement('p')
        p.textContent = line
        card.append(p)
      }
      const actions = doc.createElement('div')
      actions.className = 'actions'
      const button = (label: string, choice: NudgeChoice, className: string) => {
        const b = doc.createElement('button')
        b.type = 'button'
        b.className = className
        b.textContent = label
        b.dataset['action'] = choice
        b.addEventListener('click', (e) => {
          e.stopPropagation()
          // the shadow root is open, so the page could click for the official: only real input counts
          if (!e.isTrusted) return
          close(choice)
        })
        return b
      }
      actions.append(button(content.primary, 'primary', 'primary'))
      if (content.secondary) actions.append(button(content.secondary, 'secondary', 'secondary'))
      if (content.mutable)
        actions.append(button(content.muteLabel ?? 'Không nhắc lại cho thư này', 'mute', 'link'))
      const x = button('×', 'dismiss', 'close')
      x.setAttribute('aria-label', 'Đóng')
      card.append(x, actions)
      shadow.append(style, card)
      doc.documentElement.append(host)
      const promise = new Promise<NudgeChoice>((resolve) => {
        resolveCurrent = resolve
      })
      shadow.querySelector<HTMLButtonElement>('button.primary')?.focus()
      return promise
    },
    /** A card without a choice: progress or the outcome of signing and routing. */
    status(kind: string, title: string, lines: string[]): void {
      void this.show({ kind, title, lines, primary: 'Đóng' })
      host?.setAttribute('data-status', 'true')
    },
    close: () => close('dismiss'),
    get open() {
      return host !== null
    },
  }
}

export type NudgeCard = ReturnType<typeof createNudgeCard>
