/**
 * The body of a request to one of the tests' local fake servers, as text.
 * @module
 */
import type { IncomingMessage } from 'node:http'

export const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = ''
    req.setEncoding('utf8')
    req.on('data', (c: string) => {
      data += c
    })
    req.on('end', () => resolve(data))
    req.on('error', reject)
  })
