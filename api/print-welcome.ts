/**
 * The first lines a person sees after `npm start`: where to open trolyso and how to stop it
 * (stdout; the structured log stays on stderr).
 * @module
 */
export type PrintWelcomeOptions = {
  url: string
  /** What is being loaded into an empty knowledge base, if anything. */
  seeding: 'national' | 'starter' | null
  write?: (text: string) => void
}

export const printWelcome = ({
  url,
  seeding,
  write = (t) => process.stdout.write(t),
}: PrintWelcomeOptions) => {
  const lines = [
    '',
    `trolyso đang chạy tại ${url}`,
    `  Trò chuyện (người dân):   ${url}/`,
    `  Tài liệu API:             ${url}/docs`,
    `  Minh bạch không giấy tờ:  ${url}/minh-bach`,
    `  Tình trạng:               ${url}/healthz`,
  ]
  if (seeding === 'national') {
    lines.push(
      'Lần đầu chạy: đang nạp 2.642 thủ tục hành chính quốc gia (khoảng nửa phút); /healthz báo tiến độ.',
    )
  }
  lines.push('Dừng: Ctrl+C (chạy nền: bash scripts/up.sh --daemon, dừng: bash scripts/up.sh --stop)', '')
  write(lines.join('\n'))
}
