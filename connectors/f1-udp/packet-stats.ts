/**
 * @module
 * Decoding that never throws: each datagram is decoded and counted as decoded, ignored (a known
 * packet kind the pipeline does not use) or rejected by reason, and a rejection is logged once
 * per reason and then sampled, so a flood of garbage cannot flood the log.
 */
import { describeError, isPitwallError } from '../../core/errors.ts'
import { decodePacket, type F1Packet } from './decode.ts'

/** Why a datagram was rejected. */
export type RejectReason = 'truncated' | 'oversized' | 'unknown-format' | 'unknown-packet-id' | 'malformed'

/** Counters of one listener or replay. */
export interface PacketCounts {
  received: number
  decoded: number
  ignored: number
  rejected: Record<RejectReason, number>
}

/** A logger: the listener's only output channel. */
export type PacketLogger = (level: 'info' | 'warn', message: string, details?: Record<string, unknown>) => void

/**
 * Counts and decodes datagrams.
 *
 * @example
 * ```ts
 * const stats = new PacketStats()
 * const packet = stats.accept(datagram) // undefined when rejected or ignored
 * console.log(stats.counts.rejected.truncated)
 * ```
 */
export class PacketStats {
  readonly #log: PacketLogger
  readonly #counts: PacketCounts = {
    received: 0,
    decoded: 0,
    ignored: 0,
    rejected: { truncated: 0, oversized: 0, 'unknown-format': 0, 'unknown-packet-id': 0, malformed: 0 },
  }

  constructor(log: PacketLogger = () => {}) {
    this.#log = log
  }

  /** A snapshot of the counters. */
  get counts(): PacketCounts {
    return { ...this.#counts, rejected: { ...this.#counts.rejected } }
  }

  /** Total rejected datagrams. */
  get rejectedTotal(): number {
    return Object.values(this.#counts.rejected).reduce((a, b) => a + b, 0)
  }

  /** Decodes one datagram; a packet the pipeline uses, or `undefined` (counted and maybe logged). */
  accept(bytes: Uint8Array): F1Packet | undefined {
    this.#counts.received++
    let packet: F1Packet
    try {
      packet = decodePacket(bytes)
    } catch (error) {
      const reason = (isPitwallError(error) ? error.details.reason : 'malformed') as RejectReason
      const known = reason in this.#counts.rejected ? reason : 'malformed'
      const n = ++this.#counts.rejected[known]
      // log the first of each reason, then every 1000th
      if (n === 1 || n % 1000 === 0) {
        this.#log('warn', `rejected UDP packet (${known}, ${n} so far): ${describeError(error)}`, {
          reason: known,
          count: n,
          ...(isPitwallError(error) ? error.details : {}),
        })
      }
      return undefined
    }
    if (packet.kind === 'unsupported') {
      this.#counts.ignored++
      return undefined
    }
    this.#counts.decoded++
    return packet
  }
}
