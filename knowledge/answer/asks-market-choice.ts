/**
 * Whether a message asks for a choice on the market, which the records cannot make: which private
 * provider is cheapest or best — a centre, a brand, a shop or a garage "nào rẻ / tốt / uy tín" ("học lái
 * xe ở trung tâm nào rẻ mà tốt", "bảo hiểm xe máy của hãng nào rẻ nhất"), a place "ở đâu rẻ / ngon / uy
 * tín / được giá" ("mua iPhone trả góp ở đâu rẻ", "bán xe đạp cũ ở đâu được giá"), something "giá rẻ"
 * ("homestay tạm trú ở Đà Lạt giá rẻ") —, whether to buy or invest ("mua chung cư chưa có sổ hồng có nên
 * không", "có nên đầu tư coin"), which of two is better ("chung cư hay nhà đất thì tốt hơn") or what
 * price is reasonable ("… bao nhiêu là hợp lý"). The
 * records name no provider, no market price and no advice, so such a message is out of scope even when
 * it names a paper or a service of the records ("đăng ký học lái xe", "sổ hồng"). Where to hand in a
 * procedure ("nộp ở đâu", "cơ quan nào") and its fee ("lệ phí bao nhiêu") ask no such thing.
 * @module
 */

/**
 * "xịn" (fancy), folded "xin": not the "xin" that asks or thanks after it ("… ở đâu. Xin trân trọng cảm
 * ơn!", "xin cấp", "xin phép").
 */
const FANCY = String.raw`xin(?! (?:tran|cam|hoi|phep|cap|giay|chao|loi|gui|nop|dang|lam|xac|chung|ly|bao|tro|vui|moi|cho|duoc)\b)`

/** Private providers a citizen compares (folded). */
const PROVIDER = `(?:trung tam|hang|cua hang|cho|tiem|shop|dai li|cong ti|ben|showroom|salon|gara|garage)`

/** What a citizen compares them by (folded): price, quality, trust, taste, looks. */
const MERIT = `(?:re|tot|uy tin|ngon|chat luong|${FANCY}|dep)`

/**
 * Products and services bought from a private seller (folded): an app, a plan or package, a
 * restaurant, a hotel, an airline, a coach company, a model or make, with up to two words describing it
 * ("bảo hiểm nhân thọ gói nào tốt", "mua bảo hiểm online ở app nào rẻ", "dòng xe tay ga nào bền"). A paper,
 * a body, a level of contributions or a way of applying ("cơ quan nào", "đóng mức nào lợi", "hình thức
 * nào") is none of them.
 */
const PRODUCT = `(?:app|ung dung|goi|nha hang|(?<!\bco )quan|khach san|homestay|hang bay|nha xe|san pham|loai|dong xe|dong may|dong dien thoai|mau|thuong hieu|nen tang|san)`

/** What a product is compared by beside price and quality (folded): lasting, selling, being good to watch or use. */
const PRODUCT_MERIT = `(?:re|tot|uy tin|ngon|chat luong|${FANCY}|dep|ben|hay (?:nhat|hon)|hay$|dang mua|dang dung|dang tien|ban chay)`

/**
 * Works of entertainment and roads (folded): which film, book or song is best, which road is quickest
 * ("phim công an hình sự nào hay nhất", "đi Hải Phòng cao tốc nào nhanh"); a few words may describe it
 * before "nào". None is a procedure, whatever words of administration describe it.
 */
const LEISURE = `(?:phim|bo phim|cuon sach|quyen sach|truyen|bai hat|ca si|game|tro choi|cao toc|tuyen duong|cung duong|duong di)`
/** "hay" is also "or": it compares only as the last word or before "nhất", "hơn". */
const LEISURE_MERIT = `(?:hay (?:nhat|hon)|hay$|tot|nhanh|gan|dep|dang xem|dang doc|dang nghe|hot)`

const CHOICE = new RegExp(
  [
    String.raw`\b${PROVIDER} nao\b(?: \S+){0,2}? ${MERIT}\b`,
    String.raw`\b${PRODUCT}(?: \S+){0,4}? nao\b(?: \S+){0,3}? ${PRODUCT_MERIT}\b`,
    String.raw`\b${LEISURE}\b(?: \S+){0,4}? nao\b(?: \S+){0,1}? ${LEISURE_MERIT}\b`,
    // a place to buy, sell, eat or stay by price or taste; by quality only beside such an act: "làm hộ
    // chiếu ở đâu tốt nhất" asks where to apply, "mua iPhone ở đâu uy tín" where to shop
    String.raw`\b(?:o dau|cho nao) (?:re|ngon|duoc gia)\b`,
    String.raw`\b(?:mua|ban|thue|an|uong|sua)\b.*\b(?:o dau|cho nao) ${MERIT}\b`,
    String.raw`\bgia re\b`,
    // whether to buy or invest, which of two is better, which provider to buy from ("nên mua bảo hiểm
    // nhân thọ của hãng nào")
    String.raw`\bco nen (?:mua|dau tu|ban)\b`,
    String.raw`\bnen (?:mua|chon|dung)\b.*\b${PROVIDER} nao\b`,
    String.raw`\b(?:mua|dau tu)\b.*\bco nen\b`,
    String.raw`\b(?:mua|dau tu)\b.*\bhay\b.*\btot hon\b`,
    // what price is reasonable ("phí quản lý chung cư bao nhiêu một mét vuông là hợp lý"): a judgement of
    // the market, which no record makes
    String.raw`\bbao nhieu\b.*\b(?:la|thi) hop li\b`,
  ].join('|'),
)

/** Whether the folded message asks which provider is cheapest or best, whether to buy, or which is better. */
export const asksMarketChoice = (folded: string): boolean => CHOICE.test(folded)
