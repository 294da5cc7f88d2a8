/**
 * @module
 * Recording and replaying captures: a writer that appends frames to a file, a reader, and a
 * replay that yields the frames at recorded speed, accelerated (`speed: 10`) or as fast as
 * possible (`speed: Infinity`), or sends them as UDP datagrams to a port.
 */
import { createSocket } from 'node:dgram'
import { createWriteStream, type WriteStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { CAPTURE_MAGIC, type CaptureFrame, type DecodedCapture, decodeFrames, encodeFrame } from './capture.ts'

/**
 * Appends frames to a capture file.
 *
 * @example
 * ```ts
 * const writer = new CaptureWriter('race.pwcap')
 * const listener = new UdpListener({ onDatagram: (bytes, at) => writer.write({ bytes, receivedAt: at }) })
 * ```
 */
export class CaptureWriter {
  readonly #stream: WriteStream
  #frames = 0

  constructor(path: string) {
    this.#stream = createWriteStream(path)
    this.#stream.write(CAPTURE_MAGIC)
  }

  /** Frames written so far. */
  get frames(): number {
    return this.#frames
  }

  write(frame: CaptureFrame): void {
    this.#frames++
    this.#stream.write(encodeFrame(frame))
  }

  /** Flushes and closes the file. */
  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    )
  }
}

/**
 * Reads a whole capture file.
 *
 * @example
 * ```ts
 * const { frames, truncatedBytes } = await readCaptureFile('race.pwcap')
 * ```
 */
export async function readCaptureFile(path: string): Promise<DecodedCapture> {
  return decodeFrames(new Uint8Array(await readFile(path)))
}

/** Replay pacing: 1 = recorded speed, 10 = ten times faster, Infinity = as fast as possible. */
export interface ReplayOptions {
  speed?: number
  signal?: AbortSignal
}

/**
 * Yields frames with their recorded gaps divided by `speed`; `receivedAt` is rewritten to the
 * replay time so downstream timing matches what a live listener would see.
 *
 * @example
 * ```ts
 * for await (const frame of replayFrames(frames, { speed: 4 })) mapper.map(decodePacket(frame.bytes), frame.receivedAt)
 * ```
 */
export async function* replayFrames(
  frames: Iterable<CaptureFrame>,
  options: ReplayOptions = {},
): AsyncGenerator<CaptureFrame> {
  const speed = options.speed ?? 1
  let first: number | undefined
  const started = Date.now()
  for (const frame of frames) {
    if (options.signal?.aborted) return
    first ??= frame.receivedAt
    const due = started + (frame.receivedAt - first) / speed
    const wait = due - Date.now()
    if (Number.isFinite(wait) && wait > 0) await sleep(wait, undefined, { signal: options.signal }).catch(() => {})
    yield { bytes: frame.bytes, receivedAt: Number.isFinite(speed) ? Math.max(due, Date.now()) : frame.receivedAt }
  }
}

/**
 * Sends frames as UDP datagrams to `host:port` at the replay pace; resolves with the count sent.
 *
 * @example
 * ```ts
 * await sendFrames((await readCaptureFile('race.pwcap')).frames, { port: 20777, speed: 2 })
 * ```
 */
export async function sendFrames(
  frames: Iterable<CaptureFrame>,
  options: ReplayOptions & { port: number; host?: string },
): Promise<number> {
  const socket = createSocket('udp4')
  let sent = 0
  try {
    for await (const frame of replayFrames(frames, options)) {
      await new Promise<void>((resolve, reject) =>
        socket.send(frame.bytes, options.port, options.host ?? '127.0.0.1', (error) =>
          error ? reject(error) : resolve(),
        ),
      )
      sent++
    }
  } finally {
    socket.close()
  }
  return sent
}
