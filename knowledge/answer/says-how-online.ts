/**
 * Which sentences of an online channel's description tell how to apply online. The portal's
 * "Mô tả" of the online row mostly holds time limits ("07 ngày làm việc kể từ ngày nhận được hồ
 * sơ"), fees, headings ("Thời hạn giải quyết:") or the direct channel's own text; shown under "Cách
 * nộp trực tuyến", they read as instructions they are not.
 * @module
 */
import { OTHER_MATTER, TIME_LIMIT } from './describe-where.ts'

/** A way to apply over the network: the portal, an account, the national identity app, a site. */
const ONLINE_WAY =
  /trực tuyến|cổng (?:dịch vụ công|thông tin)|dịch vụ công (?:quốc gia|trực tuyến)|vneid|định danh điện tử|tài khoản|qua mạng|online|hệ thống (?:thông tin|dịch vụ công|một cửa điện tử)|https?:\/\/|\.gov\.vn|thư điện tử|email/iu

/** "Trực tiếp: nộp hồ sơ tại trụ sở …", "Qua bưu chính: …": another channel's sentence. */
const OTHER_CHANNEL = /^(?:[-+*•]\s*)?(?:trực tiếp|(?:qua )?(?:dịch vụ )?bưu chính)\s*:/iu

/** "Trực tuyến tại Cổng Dịch vụ công quốc gia.: 07 ngày làm việc kể từ …": a time limit after all. */
const DAYS_FROM = /\d+ (?:ngày|giờ)(?: làm việc)?,? kể từ/iu

/** Whether a sentence of the online channel's description tells how to apply online. */
export const saysHowToApplyOnline = (sentence: string): boolean => {
  const text = sentence.trim()
  return (
    !/:$/u.test(text) &&
    !TIME_LIMIT.test(text) &&
    !OTHER_MATTER.test(text) &&
    !DAYS_FROM.test(text) &&
    !OTHER_CHANNEL.test(text) &&
    ONLINE_WAY.test(text)
  )
}
