/**
 * The OpenAPI 3.1 description of trolyso's HTTP API, served at `/openapi.json` and
 * rendered by the interactive page at `/docs`.
 * @module
 */
import { ANSWER_KINDS, FACETS, PLACE_KINDS, PLACE_LEVELS } from '../knowledge/answer/answer.types.ts'

const error = { $ref: '#/components/schemas/Error' }
const json = (schema: unknown) => ({ 'application/json': { schema } })
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: 'Lỗi', content: json(error) }]))
const bearer = [{ bearer: [] }]

const unit = (levels: readonly string[], description: string) => ({
  type: 'object',
  description,
  properties: {
    code: { type: 'string', example: '37' },
    name: { type: 'string', example: 'Tỉnh Ninh Bình' },
    level: { enum: [...levels] },
    province: { type: 'string', description: 'Tỉnh/thành phố của đơn vị cấp xã' },
  },
  required: ['name', 'level'],
})

export const createOpenApiDocument = (serverUrl = '/') => ({
  openapi: '3.1.0',
  info: {
    title: 'trolyso API',
    version: '0.1.0',
    description:
      'Trợ lý số: tra cứu thủ tục hành chính từ Cổng Dịch vụ công quốc gia, trả lời câu hỏi của người dân, văn bản điện tử giữa các cơ quan.',
  },
  servers: [{ url: serverUrl }],
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'API token of an official, or ADMIN_TOKEN' },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            required: ['code', 'message'],
          },
        },
      },
      SearchResult: {
        type: 'object',
        properties: {
          code: { type: 'string', example: '1.001193' },
          name: { type: 'string' },
          levels: { type: 'array', items: { type: 'string' } },
          field: { type: 'string' },
          score: { type: 'number' },
        },
      },
      Answer: {
        type: 'object',
        properties: {
          kind: {
            enum: [...ANSWER_KINDS],
            description:
              'answer: thủ tục đúng việc, đúng trường hợp được hỏi; clarify: hỏi lại (tối đa 4 lựa chọn, mỗi lựa chọn có label ngắn nêu điểm khác nhau, hoặc khi khớp yếu: "có phải bạn hỏi …"); ' +
              'not_found: dữ liệu chính thức không có thủ tục đúng câu hỏi, candidates là các thủ tục "có thể liên quan", kèm dichvucong.gov.vn và tổng đài 1800 1096; ' +
              'contact: người dùng muốn gặp cán bộ (tổng đài, kênh hỗ trợ; handoff = true để kênh có cán bộ trực tiếp chuyển cuộc trò chuyện); ' +
              'status: hỏi tiến độ hồ sơ (cách tra cứu hồ sơ với mã biên nhận); smalltalk: chào hỏi, cảm ơn.',
          },
          procedure: {
            type: 'object',
            properties: {
              code: { type: 'string' },
              name: { type: 'string' },
              url: { type: ['string', 'null'] },
            },
          },
          facet: { enum: [...FACETS] },
          candidates: {
            type: 'array',
            description:
              'clarify: các lựa chọn (tối đa 4); answer: thủ tục thay thế; not_found: thủ tục có thể liên quan (không phải câu trả lời).',
            items: {
              type: 'object',
              properties: {
                code: { type: 'string' },
                name: { type: 'string' },
                label: {
                  type: 'string',
                  maxLength: 80,
                  description: 'Nhãn ngắn chỉ nêu điểm quyết định (clarify)',
                },
              },
              required: ['code', 'name'],
            },
          },
          handoff: {
            type: 'boolean',
            description:
              'contact: người dùng muốn gặp người; kênh có cán bộ trực tiếp có thể chuyển cuộc trò chuyện.',
          },
          receiptCode: {
            type: 'string',
            description: 'status: mã hồ sơ (mã biên nhận) người dùng gửi, nếu có.',
          },
          personalData: {
            type: 'array',
            items: { enum: ['email', 'phone', 'id_number'] },
            description:
              'Thông tin cá nhân có trong câu hỏi (số căn cước, số điện thoại, email): đã được che trước khi trả lời và không được lưu.',
          },
          text: { type: 'string' },
          reply: {
            type: 'object',
            description:
              'Cùng câu trả lời ở dạng cấu trúc để kênh hiển thị danh sách: câu trả lời ngắn (lead), vài mục ' +
              '(sections; footer = thông tin chung, bỏ qua khi hỏi tiếp cùng thủ tục), lựa chọn (choices) và dòng nguồn (source). ' +
              'Tên thủ tục không lặp lại trong đó.',
            properties: {
              lead: { type: 'string' },
              sections: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    title: { type: 'string' },
                    items: { type: 'array', items: { type: 'string' } },
                    footer: { type: 'boolean' },
                  },
                  required: ['title', 'items'],
                },
              },
              choices: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { code: { type: 'string' }, label: { type: 'string' } },
                },
              },
              source: {
                type: 'object',
                properties: { text: { type: 'string' }, url: { type: ['string', 'null'] } },
              },
            },
            required: ['lead', 'sections'],
          },
          places: {
            type: 'array',
            description:
              'Địa danh trong câu hỏi (chỉ với answer, clarify), đối chiếu với đơn vị hành chính sau sắp xếp từ 01/07/2025; ' +
              'khi có thay đổi, text có thêm một dòng "Lưu ý địa bàn".',
            items: { $ref: '#/components/schemas/Place' },
          },
        },
        required: ['kind', 'text'],
      },
      Place: {
        type: 'object',
        properties: {
          mentioned: { type: 'string', example: 'Hà Nam', description: 'Từ ngữ như người dân đã gõ' },
          kind: { enum: [...PLACE_KINDS] },
          former: unit([...PLACE_LEVELS, 'huyện'], 'Đơn vị trước 01/07/2025, khi tên đã gõ là tên cũ'),
          current: {
            oneOf: [unit(PLACE_LEVELS, 'Đơn vị hiện nay'), { type: 'null' }],
            description: 'null: cấp huyện, xã cũ bị chia tách hoặc tên cũ có ở nhiều nơi',
          },
          candidates: {
            type: 'array',
            maxItems: 4,
            items: unit(PLACE_LEVELS, 'Đơn vị mới có thể ứng với tên đã gõ'),
          },
          changed: {
            type: 'boolean',
            description: 'Đơn vị đã gõ không còn (sáp nhập, chia tách, cấp huyện)',
          },
        },
        required: ['mentioned', 'kind', 'current', 'changed'],
      },
    },
  },
  paths: {
    '/healthz': {
      get: {
        summary: 'Sẵn sàng: 200 khi cơ sở tri thức đã nạp và tìm kiếm được',
        responses: { '200': { description: 'OK' }, '503': { description: 'Đang khởi động' } },
      },
    },
    '/v1/procedures': {
      get: {
        summary: 'Tìm thủ tục hành chính',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            schema: { type: 'string', maxLength: 2000 },
            example: 'lam lai cccd',
          },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
        ],
        responses: {
          '200': {
            description: 'Kết quả',
            content: json({
              type: 'object',
              properties: {
                results: { type: 'array', items: { $ref: '#/components/schemas/SearchResult' } },
              },
            }),
          },
          ...errors(400),
        },
      },
    },
    '/v1/procedures/{code}': {
      get: {
        summary: 'Toàn bộ thông tin một thủ tục',
        parameters: [
          { name: 'code', in: 'path', required: true, schema: { type: 'string' }, example: '1.001193' },
        ],
        responses: { '200': { description: 'Thủ tục' }, ...errors(400, 404) },
      },
    },
    '/v1/ask': {
      post: {
        summary: 'Hỏi đáp: câu hỏi của người dân → câu trả lời từ hồ sơ thủ tục chính thức',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: {
              text: { type: 'string', maxLength: 2000, example: 'đổi GPLX hết bao nhiêu' },
              sessionId: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,64}$' },
            },
            required: ['text'],
          }),
        },
        responses: {
          '200': { description: 'Câu trả lời', content: json({ $ref: '#/components/schemas/Answer' }) },
          ...errors(400, 413, 415, 429),
        },
      },
    },
    '/v1/chat/messages': {
      post: {
        summary: 'Trò chuyện: gửi câu hỏi hoặc lựa chọn, nhận các phần trả lời (văn bản, nút chọn, liên kết)',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: {
              sessionId: {
                type: 'string',
                description:
                  'Mã phiên do máy chủ cấp ở câu trả lời đầu tiên; mã không do máy chủ cấp hoặc đã hết hạn bắt đầu phiên mới với mã mới',
              },
              text: { type: 'string', maxLength: 2000, example: 'lam lai cccd bi mat o dau' },
              choice: { type: 'string' },
            },
          }),
        },
        responses: { '200': { description: '{ sessionId, replies }' }, ...errors(400, 413, 415, 429) },
      },
    },
    '/v1/chat/history': {
      get: {
        summary: 'Lịch sử trò chuyện của một phiên (đã che dữ liệu cá nhân)',
        parameters: [{ name: 'sessionId', in: 'query', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: '{ sessionId, messages }' }, ...errors(400, 429) },
      },
    },
    '/v1/chat/feedback': {
      post: {
        summary: 'Đánh giá câu trả lời hữu ích / không hữu ích',
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: {
              sessionId: { type: 'string' },
              interactionId: { type: 'string' },
              useful: { type: 'boolean' },
            },
            required: ['sessionId', 'interactionId', 'useful'],
          }),
        },
        responses: { '200': { description: '{ sessionId, replies }' }, ...errors(400, 404, 429) },
      },
    },
    '/v1/admin/procedures/{code}': {
      patch: {
        summary: 'Sửa một thủ tục (quản trị viên): { changes, reason }; lưu phiên bản và nhật ký',
        security: bearer,
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'Đã lưu' }, ...errors(400, 401, 404) },
      },
    },
    '/v1/admin/procedures/{code}/revisions': {
      get: {
        summary: 'Lịch sử sửa đổi của một thủ tục',
        security: bearer,
        parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'Các phiên bản' }, ...errors(401, 404) },
      },
    },
    '/v1/admin/import': {
      post: {
        summary: 'Nhập tệp JSONL xuất từ Cổng Dịch vụ công (tất cả hoặc không)',
        security: bearer,
        requestBody: { content: { 'application/x-ndjson': { schema: { type: 'string' } } } },
        responses: { '200': { description: 'Tóm tắt' }, ...errors(400, 401, 413, 422) },
      },
    },
    '/v1/admin/unanswered': {
      get: {
        summary: 'Câu hỏi chưa trả lời được hoặc bị đánh giá không hữu ích',
        security: bearer,
        responses: { '200': { description: 'Danh sách' }, ...errors(401) },
      },
    },
    '/v1/documents': {
      post: {
        summary: 'Gửi văn bản điện tử (PDF + tiêu đề kiểu edXML) tới các cơ quan nhận',
        security: bearer,
        responses: { '201': { description: 'Đã nhận' }, ...errors(400, 401, 413, 415, 422) },
      },
      get: {
        summary: 'Hộp văn bản đến/đi của cơ quan',
        security: bearer,
        responses: { '200': { description: 'OK' } },
      },
    },
    '/v1/documents/edxml': {
      post: {
        summary:
          'Nhập gói edXML (QCVN 102:2016, bố cục của trục liên thông và SDK các hãng): văn bản do cơ quan mình gửi hoặc gửi tới cơ quan mình; BussinessDocType 0 mới, 1 thu hồi, 2 cập nhật, 3 thay thế; gói trạng thái được chuyển sang cập nhật trạng thái',
        security: bearer,
        parameters: [
          { name: 'allowUnsigned', in: 'query', schema: { type: 'string', enum: ['true', 'false'] } },
        ],
        requestBody: { content: { 'application/xml': { schema: { type: 'string' } } } },
        responses: {
          '200': { description: 'Văn bản đã có, hoặc đã thu hồi/cập nhật: { id, state, businessDocType }' },
          '201': { description: 'Văn bản mới (kèm replaces khi thay thế)' },
          ...errors(400, 401, 403, 404, 413, 415, 422),
        },
      },
    },
    '/v1/documents/edxml/status': {
      post: {
        summary:
          'Nhập gói trạng thái edXML (StatusCode, Description, Timestamp, StaffInfo) do cơ quan nhận gửi về: cập nhật trạng thái bản của cơ quan đó trong văn bản mình đã gửi',
        security: bearer,
        requestBody: { content: { 'application/xml': { schema: { type: 'string' } } } },
        responses: {
          '200': {
            description:
              '{ id, agencyCode, status, applied } (applied: false khi gói cũ hơn trạng thái đang có)',
          },
          ...errors(400, 401, 403, 404, 415, 422),
        },
      },
    },
    '/v1/documents/{id}/edxml': {
      get: {
        summary: 'Văn bản dưới dạng gói edXML (bố cục SDK: AttachmentEncoded bên cạnh edXMLEnvelope)',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'application/xml' }, ...errors(401, 404) },
      },
    },
    '/v1/documents/{id}/edxml/status': {
      get: {
        summary: 'Gói trạng thái edXML của cơ quan nhận cho lần đổi trạng thái gần nhất, để gửi lại bên gửi',
        security: bearer,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'application/xml' }, ...errors(401, 403, 404) },
      },
    },
    '/v1/ca/crl': {
      get: {
        summary: 'Danh sách chứng thư bị thu hồi (CRL, DER) của CA triển khai',
        responses: {
          '200': {
            description: 'CRL (RFC 5280) ký bởi CA, hiệu lực 24 giờ',
            content: { 'application/pkix-crl': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    '/v1/stats/paperless': {
      get: {
        summary: 'Số liệu văn bản điện tử theo cơ quan (tỷ lệ ký số, giấy tiết kiệm)',
        parameters: [
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
        ],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
})
