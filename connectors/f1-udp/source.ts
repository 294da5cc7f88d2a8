/**
 * @module
 * The F1 UDP source as an async iterable of keyed event-model records, over either a live
 * {@link UdpListener} or a replayed capture.
 */
import type { F1Record } from '../../topology/f1/topics.ts'
import type { CaptureFrame } from './capture.ts'
import type { F1Packet } from './decode.ts'
import { UdpEventMapper } from './mapper.ts'
import { type PacketLogger, PacketStats } from './packet-stats.ts'

/**
 * Maps decoded packets (e.g. from a UdpListener) to records.
 *
 * @example
 * ```ts
 * for await (const record of udpRecords(listener)) await produce(record)
 * ```
 */
export async function* udpRecords(
  packets: AsyncIterable<{ packet: F1Packet; receivedAt: number }>,
  mapper = new UdpEventMapper(),
): AsyncGenerator<F1Record> {
  for await (const { packet, receivedAt } of packets) yield* mapper.map(packet, receivedAt)
}

/**
 * Decodes and maps replayed frames (see `replayFrames`), counting bad ones in `stats`.
 *
 * @example
 * ```ts
 * for await (const r of frameRecords(replayFrames(frames, { speed: Infinity }))) console.log(r.topic)
 * ```
 */
export async function* frameRecords(
  frames: AsyncIterable<CaptureFrame> | Iterable<CaptureFrame>,
  options: { stats?: PacketStats; logger?: PacketLogger; mapper?: UdpEventMapper } = {},
): AsyncGenerator<F1Record> {
  const stats = options.stats ?? new PacketStats(options.logger)
  const mapper = options.mapper ?? new UdpEventMapper()
  for await (const frame of frames) {
    const packet = stats.accept(frame.bytes)
    if (packet) yield* mapper.map(packet, frame.receivedAt)
  }
}
