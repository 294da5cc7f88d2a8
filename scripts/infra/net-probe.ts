/**
 * @module
 * Socket-level probes for the local stack: is something listening on host:port, and wait until a
 * readiness check passes or a deadline runs out.
 */
import { connect } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * True when a TCP connection to `host:port` succeeds within `timeoutMs`.
 *
 * @example
 * ```ts
 * if (await isPortOpen('127.0.0.1', 19092)) console.log('something listens on 19092')
 * ```
 */
export function isPortOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const done = (open: boolean): void => {
      socket.destroy()
      resolve(open)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/**
 * Polls `check` every `intervalMs` until it returns true or `timeoutMs` passes; returns whether it passed.
 * `giveUp` (e.g. "the process died") ends the wait early.
 *
 * @example
 * ```ts
 * const up = await waitUntil(() => isPortOpen('127.0.0.1', 9000), { timeoutMs: 30_000 })
 * ```
 */
export async function waitUntil(
  check: () => Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; giveUp?: () => boolean },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    if (options.giveUp?.()) return false
    await sleep(options.intervalMs ?? 250)
  }
  return check()
}
