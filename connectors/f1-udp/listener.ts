/**
 * @module
 * The UDP listener: a node:dgram socket (port 20777 by default) whose datagrams are decoded,
 * counted by outcome and offered as an async iterable of decoded packets. Bad datagrams are
 * counted and logged, never thrown; a full queue (a consumer slower than the game) drops the
 * oldest packet and counts it, so memory stays bounded.
 */
import { createSocket, type Socket } from 'node:dgram'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import type { F1Packet } from './decode.ts'
import { type PacketCounts, type PacketLogger, PacketStats } from './packet-stats.ts'

/** Listener options. */
export interface UdpListenerOptions {
  /** Default 20777; 0 picks a free port. */
  port?: number
  /** Default '0.0.0.0'. */
  host?: string
  logger?: PacketLogger
  /** Packets kept for a slow consumer before the oldest is dropped; default 10000. */
  maxQueue?: number
  /** Called with every raw datagram before decoding (e.g. a capture recorder). */
  onDatagram?: (bytes: Uint8Array, receivedAt: number) => void
}

/** A decoded packet and when it arrived. */
export interface ReceivedPacket {
  packet: F1Packet
  receivedAt: number
}

/**
 * Listens for F1 game telemetry.
 *
 * @example
 * ```ts
 * const listener = new UdpListener({ port: 20777 })
 * await listener.start()
 * for await (const { packet } of listener) console.log(packet.kind)
 * ```
 */
export class UdpListener implements AsyncIterable<ReceivedPacket> {
  readonly #options: UdpListenerOptions
  readonly #stats: PacketStats
  readonly #queue: ReceivedPacket[] = []
  #waiting: ((r: IteratorResult<ReceivedPacket>) => void) | undefined
  #socket: Socket | undefined
  #closed = false
  #overflow = 0

  constructor(options: UdpListenerOptions = {}) {
    this.#options = options
    this.#stats = new PacketStats(options.logger)
  }

  /** Counters: received, decoded, ignored, rejected by reason, and `overflow` (dropped by a full queue). */
  get counts(): PacketCounts & { overflow: number } {
    return { ...this.#stats.counts, overflow: this.#overflow }
  }

  /** Binds the socket; resolves with the bound port. */
  async start(): Promise<number> {
    if (this.#socket) throw new PitwallError(ErrorCodes.RUNTIME_STATE, 'UdpListener.start(): already started')
    const socket = createSocket('udp4')
    this.#socket = socket
    socket.on('message', (msg) => this.#onMessage(new Uint8Array(msg.buffer, msg.byteOffset, msg.byteLength)))
    socket.on('error', (error) => this.#options.logger?.('warn', `UDP socket error: ${error.message}`))
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject)
      socket.bind(this.#options.port ?? 20777, this.#options.host ?? '0.0.0.0', () => {
        socket.off('error', reject)
        resolve()
      })
    })
    const port = socket.address().port
    this.#options.logger?.('info', `listening for F1 UDP telemetry on port ${port}`)
    return port
  }

  #onMessage(bytes: Uint8Array): void {
    const receivedAt = Date.now()
    try {
      this.#options.onDatagram?.(bytes, receivedAt)
    } catch (error) {
      this.#options.logger?.('warn', `onDatagram failed: ${(error as Error).message}`)
    }
    const packet = this.#stats.accept(bytes)
    if (packet === undefined || this.#closed) return
    const item = { packet, receivedAt }
    if (this.#waiting) {
      const resolve = this.#waiting
      this.#waiting = undefined
      resolve({ value: item, done: false })
      return
    }
    this.#queue.push(item)
    if (this.#queue.length > (this.#options.maxQueue ?? 10_000)) {
      this.#queue.shift()
      this.#overflow++
    }
  }

  /** Closes the socket and ends the iteration after the queued packets. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    const socket = this.#socket
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()))
    this.#waiting?.({ value: undefined, done: true })
    this.#waiting = undefined
  }

  [Symbol.asyncIterator](): AsyncIterator<ReceivedPacket> {
    return {
      next: () => {
        const item = this.#queue.shift()
        if (item) return Promise.resolve({ value: item, done: false })
        if (this.#closed) return Promise.resolve({ value: undefined, done: true })
        return new Promise((resolve) => {
          this.#waiting = resolve
        })
      },
      return: async () => {
        await this.close()
        return { value: undefined, done: true }
      },
    }
  }
}
