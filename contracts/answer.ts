/**
 * The answer contract of `POST /v1/ask` and the procedure search, as zod schemas: the OpenAPI
 * document is generated from them, and a compile-time check keeps them equal to the answering
 * core's types (`knowledge/answer/answer.types.ts`).
 * @module
 */
import { z } from 'zod'
import {
  ANSWER_KINDS,
  type Answer,
  FACETS,
  PLACE_KINDS,
  PLACE_LEVELS,
} from '../knowledge/answer/answer.types.ts'

const unit = <L extends readonly [string, ...string[]]>(levels: L, description: string) =>
  z
    .object({
      code: z.string().meta({ example: '37' }),
      name: z.string().meta({ example: 'Tỉnh Ninh Bình' }),
      level: z.enum(levels),
      province: z.string().optional().meta({ description: 'Tỉnh/thành phố của đơn vị cấp xã' }),
    })
    .meta({ description })

export const ZPlace = z
  .object({
    mentioned: z.string().meta({ example: 'Hà Nam', description: 'Từ ngữ như người dân đã gõ' }),
    kind: z.enum(PLACE_KINDS),
    former: unit([...PLACE_LEVELS, 'huyện'], 'Đơn vị trước 01/07/2025, khi tên đã gõ là tên cũ')
      .extend({ code: z.string().optional() })
      .optional(),
    current: unit(PLACE_LEVELS, 'Đơn vị hiện nay')
      .nullable()
      .meta({ description: 'null: cấp huyện, xã cũ bị chia tách hoặc tên cũ có ở nhiều nơi' }),
    candidates: z.array(unit(PLACE_LEVELS, 'Đơn vị mới có thể ứng với tên đã gõ')).max(4).optional(),
    changed: z.boolean().meta({ description: 'Đơn vị đã gõ không còn (sáp nhập, chia tách, cấp huyện)' }),
  })
  .meta({ id: 'Place' })

export const ZStructuredReply = z
  .object({
    lead: z.string(),
    sections: z.array(
      z.object({ title: z.string(), items: z.array(z.string()), footer: z.boolean().optional() }),
    ),
    choices: z.array(z.object({ code: z.string(), label: z.string() })).optional(),
    source: z.object({ text: z.string(), url: z.string().nullable() }).optional(),
  })
  .meta({
    description:
      'Cùng câu trả lời ở dạng cấu trúc để kênh hiển thị danh sách: câu trả lời ngắn (lead), vài mục ' +
      '(sections; footer = thông tin chung, bỏ qua khi hỏi tiếp cùng thủ tục), lựa chọn (choices) và dòng nguồn (source). ' +
      'Tên thủ tục không lặp lại trong đó.',
  })

export const ZAnswer = z
  .object({
    kind: z.enum(ANSWER_KINDS).meta({
      description:
        'answer: thủ tục đúng việc, đúng trường hợp được hỏi; clarify: hỏi lại (tối đa 4 lựa chọn, mỗi lựa chọn có label ngắn nêu điểm khác nhau, hoặc khi khớp yếu: "có phải bạn hỏi …"); ' +
        'not_found: dữ liệu chính thức không có thủ tục đúng câu hỏi, candidates là các thủ tục "có thể liên quan", kèm dichvucong.gov.vn và tổng đài 1800 1096; ' +
        'contact: người dùng muốn gặp cán bộ (tổng đài, kênh hỗ trợ; handoff = true để kênh có cán bộ trực tiếp chuyển cuộc trò chuyện); ' +
        'status: hỏi tiến độ hồ sơ (cách tra cứu hồ sơ với mã biên nhận); smalltalk: chào hỏi, cảm ơn.',
    }),
    procedure: z.object({ code: z.string(), name: z.string(), url: z.string().nullable() }).optional(),
    facet: z.enum(FACETS).optional(),
    candidates: z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          label: z
            .string()
            .max(80)
            .optional()
            .meta({ description: 'Nhãn ngắn chỉ nêu điểm quyết định (clarify)' }),
        }),
      )
      .optional()
      .meta({
        description:
          'clarify: các lựa chọn (tối đa 4); answer: thủ tục thay thế; not_found: thủ tục có thể liên quan (không phải câu trả lời).',
      }),
    unsure: z.literal(true).optional().meta({
      description:
        'clarify: khớp yếu, câu hỏi lại là "có phải bạn hỏi …" (không phải chọn giữa các trường hợp đều khớp).',
    }),
    handoff: z.boolean().optional().meta({
      description:
        'contact: người dùng muốn gặp người; kênh có cán bộ trực tiếp có thể chuyển cuộc trò chuyện.',
    }),
    receiptCode: z
      .string()
      .optional()
      .meta({ description: 'status: mã hồ sơ (mã biên nhận) người dùng gửi, nếu có.' }),
    personalData: z
      .array(z.enum(['email', 'phone', 'id_number']))
      .optional()
      .meta({
        description:
          'Thông tin cá nhân có trong câu hỏi (số căn cước, số điện thoại, email): đã được che trước khi trả lời và không được lưu.',
      }),
    text: z.string(),
    reply: ZStructuredReply.optional(),
    places: z
      .array(ZPlace)
      .optional()
      .meta({
        description:
          'Địa danh trong câu hỏi (chỉ với answer, clarify), đối chiếu với đơn vị hành chính sau sắp xếp từ 01/07/2025; ' +
          'khi có thay đổi, text có thêm một dòng "Lưu ý địa bàn".',
      }),
  })
  .meta({ id: 'Answer' })

// the answering core's type must fit the contract: a field added on one side breaks the build
const _answerFits = (answer: Answer): z.input<typeof ZAnswer> => answer
void _answerFits

export const ZSearchResult = z
  .object({
    code: z.string().meta({ example: '1.001193' }),
    name: z.string(),
    levels: z.array(z.string()),
    field: z.string(),
    score: z.number(),
  })
  .meta({ id: 'SearchResult' })

export const ZSearchResults = z.object({ results: z.array(ZSearchResult) })
