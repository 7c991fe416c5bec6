/**
 * The address of the client that sent a request, for per-address limits. Without a proxy
 * (`TRUST_PROXY_HOPS=0`) it is the socket's peer address and `X-Forwarded-For` is ignored,
 * since any client can write that header. Behind N trusted proxies, each of which appends
 * the address it received the request from, the client is the N-th address from the right
 * of `X-Forwarded-For` followed by the socket address; what the client wrote further left
 * is not trusted.
 * @module
 */
import type { Context } from 'hono'

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } }

/**
 * @param trustProxyHops how many reverse proxies in front of the server append to X-Forwarded-For
 * @returns the client's address, or `unknown` when the server cannot tell (in-process requests)
 * @example clientAddress(c, 1) // 'X-Forwarded-For: 203.0.113.9' from nginx on 10.0.0.2 → '203.0.113.9'
 */
export const clientAddress = (c: Context, trustProxyHops: number): string => {
  const socket = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown'
  if (trustProxyHops <= 0) return socket
  const forwarded = (c.req.header('X-Forwarded-For') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  const chain = [...forwarded, socket]
  return chain[Math.max(0, chain.length - 1 - trustProxyHops)]!
}
