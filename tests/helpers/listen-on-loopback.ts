/**
 * Starts a local fake's HTTP server on 127.0.0.1 at a free port, or finds a free port for a
 * child process (sqld, Dovecot, PHP) that must be told its port before it starts.
 * @module
 */
import type { Server } from 'node:http'
import { type AddressInfo, createServer } from 'node:net'

/** @returns the server's base URL, `http://127.0.0.1:<port>` */
export const listenOnLoopback = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A port free on 127.0.0.1 at the time of the call (a probe listens on it and closes). */
export const findFreePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
