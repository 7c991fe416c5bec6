/**
 * The public /minh-bach page: agencies ranked by the share of documents they sent with
 * signatures this server verified, as an SVG bar chart and a table, in Vietnamese,
 * readable on a phone and by screen readers. Rendered on the server; the inline script
 * only submits the period form when a preset is picked.
 * @module
 */
import { escapeHtml } from '../../knowledge/text/escape-html.ts'
import type { AgencyPaperlessStats } from './get-paperless-stats.ts'

const esc = escapeHtml

const vnNumber = (n: number) => n.toLocaleString('vi-VN')
const vnPercent = (p: number | null) => (p === null ? '—' : `${p.toFixed(2).replace('.', ',')}%`)
/** "39/369 = 10,57%" in Vietnamese typography; the dot form sits in data-percent for machines. */
const ratioText = (a: AgencyPaperlessStats) =>
  `${vnNumber(a.signedRatio.numerator)}/${vnNumber(a.signedRatio.denominator)} = ${vnPercent(a.signedRatio.denominator ? a.signedRatio.percent : null)}`

const chart = (rows: AgencyPaperlessStats[]) =>
  `<ol class="chart" id="chart" aria-label="Tỉ lệ văn bản gửi đi có chữ ký số hợp lệ, theo cơ quan">
${rows
  .map((a) => {
    const pct = a.signedRatio.percent
    return `<li><span class="lbl">${esc(a.name)}</span>
<span class="row"><span class="track" aria-hidden="true"><span class="bar" style="width:${Math.min(pct, 100).toFixed(2)}%"></span></span>
<span class="val">${esc(ratioText(a))}</span></span></li>`
  })
  .join('\n')}
</ol>`

export type TransparencyPageData = { from: string; to: string; agencies: AgencyPaperlessStats[] }

export const renderTransparencyPage = ({ from, to, agencies }: TransparencyPageData) => {
  const totals = agencies.reduce(
    (t, a) => ({
      sent: t.sent + a.sent,
      valid: t.valid + a.signedValid,
      paper: t.paper + a.paperAvoidedPages,
    }),
    { sent: 0, valid: 0, paper: 0 },
  )
  const totalPct = totals.sent ? Math.round((totals.valid / totals.sent) * 10_000) / 100 : null
  const rows = agencies
    .map(
      (
        a,
        i,
      ) => `<tr data-agency="${esc(a.agencyCode)}" data-percent="${a.signedRatio.denominator ? a.signedRatio.percent : ''}">
<td>${i + 1}</td><th scope="row">${esc(a.name)}<br><small>${esc(a.agencyCode)}</small></th>
<td class="ratio">${esc(ratioText(a))}</td><td>${vnNumber(a.paperAvoidedPages)}</td>
<td>${vnNumber(a.nudges.shown)} / ${vnNumber(a.nudges.accepted)} / ${vnNumber(a.nudges.overridden)}</td></tr>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Minh bạch văn bản điện tử — trolyso</title>
<style>
:root{color-scheme:light;--fg:#1a1a1a;--muted:#555;--accent:#0b5cad;--track:#e6edf5;--bg:#fff}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:56rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
.lead{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:1rem 0}
.card{border:1px solid #ccd6e0;border-radius:.5rem;padding:.75rem}
.card b{display:block;font-size:1.4rem}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}
label{display:flex;flex-direction:column;font-size:.9rem}
input,select,button{font:inherit;padding:.4rem;min-height:2.75rem}
button{background:var(--accent);color:#fff;border:0;border-radius:.4rem;padding:.4rem 1rem}
.chart{list-style:decimal inside;padding:0;margin:0}
.chart li{margin:.6rem 0}
.chart .lbl{font-weight:600}
.chart .row{display:flex;align-items:center;gap:.5rem}
.chart .track{flex:1;height:1.1rem;background:var(--track);border-radius:.3rem;overflow:hidden}
.chart .bar{display:block;height:100%;background:var(--accent)}
.chart .val{white-space:nowrap;font-variant-numeric:tabular-nums;min-width:8.5rem;text-align:right}
table{width:100%;border-collapse:collapse;margin-top:1rem;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{border-bottom:1px solid #dde3ea;padding:.5rem .25rem;text-align:left;vertical-align:top}
thead th{font-size:.85rem;color:var(--muted)}
small{color:var(--muted)}
.table-wrap{overflow-x:auto}
:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>Minh bạch văn bản điện tử</h1>
<p class="lead">Xếp hạng cơ quan theo tỉ lệ văn bản gửi đi có chữ ký số hợp lệ (máy chủ đã kiểm tra chữ ký, chuỗi chứng thư và vai trò người ký theo Nghị định 30/2020/NĐ-CP; chỉ tính văn bản có đủ chữ ký của lãnh đạo và của cơ quan, do cán bộ của chính cơ quan gửi ký), từ ${esc(from)} đến ${esc(to)}.</p>
<form method="get" action="/minh-bach" aria-label="Chọn khoảng thời gian">
<label>Từ ngày <input type="date" name="from" value="${esc(from)}"></label>
<label>Đến ngày <input type="date" name="to" value="${esc(to)}"></label>
<label>Nhanh <select id="preset"><option value="">—</option><option value="30">30 ngày</option><option value="90">90 ngày</option><option value="365">1 năm</option></select></label>
<button type="submit">Xem</button>
</form>
<section class="cards" aria-label="Tổng hợp">
<div class="card">Văn bản gửi đi<b id="total-sent">${vnNumber(totals.sent)}</b></div>
<div class="card">Có chữ ký số hợp lệ<b id="total-ratio">${vnPercent(totalPct)}</b></div>
<div class="card">Trang giấy tránh in<b id="total-paper">${vnNumber(totals.paper)}</b></div>
</section>
<h2>Xếp hạng theo tỉ lệ ký số</h2>
${agencies.length ? chart(agencies) : '<p>Chưa có văn bản nào trong khoảng thời gian này.</p>'}
<div class="table-wrap">
<table id="ranking">
<caption>Chi tiết theo cơ quan</caption>
<thead><tr><th scope="col">#</th><th scope="col">Cơ quan</th><th scope="col">Đã ký hợp lệ / đã gửi</th><th scope="col">Trang giấy tránh in</th><th scope="col">Nhắc nhở: hiện / đồng ý / bỏ qua</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>
<p><small>Số liệu mở: <a href="/v1/stats/paperless?from=${esc(from)}&amp;to=${esc(to)}">/v1/stats/paperless</a>. Trang giấy tránh in = số trang × số cơ quan nhận, với văn bản gửi không kèm bản giấy.</small></p>
</main>
<script>
document.getElementById('preset').addEventListener('change', function (e) {
  var days = Number(e.target.value); if (!days) return
  var to = new Date(), from = new Date(to.getTime() - days * 86400000)
  var f = document.forms[0]; f.from.value = from.toISOString().slice(0, 10); f.to.value = to.toISOString().slice(0, 10); f.submit()
})
</script>
</body>
</html>`
}
