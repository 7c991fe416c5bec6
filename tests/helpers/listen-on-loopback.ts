/**
 * Starts a local fake's HTTP server on 127.0.0.1 at a free port.
 * @module
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** @returns the server's base URL, `http://127.0.0.1:<port>` */
export const listenOnLoopback = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
