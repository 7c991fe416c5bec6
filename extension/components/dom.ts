/**
 * A tiny element builder for the extension's own pages (text is always set as text, never HTML).
 * @module
 */
import { STATUS_LABELS } from '../../contracts/document-codes.ts'

type Child = Node | string | null | undefined | false

export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    el.setAttribute(name, value === true ? '' : value)
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.append(child)
  }
  return el
}

/** Shows a line of status: `muted` while working, `error` for what the user must fix, `ok` when done. */
export const showStatus = (el: HTMLElement, tone: 'muted' | 'error' | 'ok', text: string) => {
  el.className = tone
  el.textContent = text
}

/** QCVN 102:2016 status labels: the one table the API uses too. */
export const statusLabels: Readonly<Record<string, string>> = STATUS_LABELS

export const PAGE_STYLE = `
body { font: 14px/1.5 system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; margin: 16px; }
h1 { font-size: 18px; color: #b71c1c; margin: 0 0 12px; }
h2 { font-size: 15px; margin: 16px 0 8px; }
label { display: block; margin: 8px 0 2px; font-weight: 600; }
input[type=text], input[type=url], input[type=password], input[type=date], textarea { width: 100%; box-sizing: border-box; padding: 6px; font: inherit; }
button { font: inherit; padding: 7px 12px; border-radius: 6px; border: 1px solid #888; background: #f5f5f5; cursor: pointer; }
button.primary { background: #c62828; color: #fff; border-color: #c62828; font-weight: 600; }
.muted { color: #666; }
.error { color: #b71c1c; font-weight: 600; }
.ok { color: #1b5e20; font-weight: 600; }
.origin { font-size: 16px; font-weight: 700; background: #fff3e0; padding: 6px 8px; border-radius: 6px; word-break: break-all; }
code { word-break: break-all; }
ul { padding-left: 18px; }
.chip { display: inline-block; background: #eee; border-radius: 12px; padding: 2px 8px; margin: 2px; }
.preview { display: flex; flex-direction: column; gap: 8px; align-items: flex-start; }
.preview canvas { border: 1px solid #bbb; box-shadow: 0 1px 4px rgba(0,0,0,.2); background: #fff; }
`
