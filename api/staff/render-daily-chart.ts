/**
 * Questions per day and channel as a stacked bar chart in SVG, rendered on the server (no
 * chart library, no script): accessible name and a <title> per bar, text escaped.
 * @module
 */

import { escapeHtml } from '../../knowledge/text/escape-html.ts'
import type { Figures } from './get-figures.ts'

const COLORS: Record<string, string> = {
  web: '#8b0000',
  telegram: '#1f77b4',
  zalo: '#0068ff',
  botframework: '#5b5fc7',
}
const LABELS: Record<string, string> = {
  web: 'Trang web',
  telegram: 'Telegram',
  zalo: 'Zalo',
  botframework: 'Teams / Web Chat',
}

const escapeXml = escapeHtml

const daysBetween = (from: string, to: string): string[] => {
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10))
  return days
}

export const renderDailyChart = (figures: Pick<Figures, 'from' | 'to' | 'byDay'>): string => {
  const days = daysBetween(figures.from, figures.to)
  const channels = [...new Set(figures.byDay.map((r) => r.channel))].sort()
  const count = new Map(figures.byDay.map((r) => [`${r.day} ${r.channel}`, r.count]))
  const totals = days.map((d) => channels.reduce((sum, ch) => sum + (count.get(`${d} ${ch}`) ?? 0), 0))
  const max = Math.max(1, ...totals)
  const width = 720
  const height = 260
  const left = 40
  const bottom = 30
  const top = 30
  const barWidth = (width - left - 10) / Math.max(1, days.length)
  const scale = (height - top - bottom) / max
  const parts: string[] = []
  days.forEach((day, i) => {
    let y = height - bottom
    for (const channel of channels) {
      const n = count.get(`${day} ${channel}`) ?? 0
      if (n === 0) continue
      const h = n * scale
      y -= h
      const x = left + i * barWidth
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[channel] ?? '#777'}"><title>${escapeXml(`${day} · ${LABELS[channel] ?? channel}: ${n}`)}</title></rect>`,
      )
    }
  })
  const axis = [
    `<line x1="${left}" y1="${height - bottom}" x2="${width - 10}" y2="${height - bottom}" stroke="#555"/>`,
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end" font-size="11">${max}</text>`,
    `<text x="${left - 6}" y="${height - bottom}" text-anchor="end" font-size="11">0</text>`,
    `<text x="${left}" y="${height - 10}" font-size="11">${escapeXml(days[0] ?? '')}</text>`,
    `<text x="${width - 10}" y="${height - 10}" text-anchor="end" font-size="11">${escapeXml(days.at(-1) ?? '')}</text>`,
  ]
  const legend = channels.map(
    (ch, i) =>
      `<rect x="${left + i * 150}" y="6" width="12" height="12" fill="${COLORS[ch] ?? '#777'}"/><text x="${left + i * 150 + 16}" y="16" font-size="12">${escapeXml(LABELS[ch] ?? ch)}</text>`,
  )
  const total = totals.reduce((a, b) => a + b, 0)
  const label = `Số câu hỏi mỗi ngày theo kênh, ${figures.from} đến ${figures.to}: tổng ${total}`
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}" font-family="system-ui, sans-serif"><title>${escapeXml(label)}</title>${legend.join('')}${parts.join('')}${axis.join('')}</svg>`
}
