/**
 * @module
 * The capture format: a recorded UDP session as a file of length-prefixed frames, pure encode and
 * decode. A file is the 8-byte magic `PWUDPCP1` followed by frames:
 *
 * | off | field | type |
 * |---|---|---|
 * | 0 | payload length n | u32 LE |
 * | 4 | receive time (epoch ms, fractional) | f64 LE |
 * | 12 | the datagram | n bytes |
 *
 * A truncated last frame (a recording cut off by a crash) ends decoding and is reported, never
 * thrown; frames larger than a UDP datagram are a format error.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** The file magic. */
export const CAPTURE_MAGIC = new TextEncoder().encode('PWUDPCP1')
/** Bytes before each payload. */
export const FRAME_HEADER = 12
/** The largest UDP payload. */
export const MAX_DATAGRAM = 65_507

/** One recorded datagram. */
export interface CaptureFrame {
  receivedAt: number
  bytes: Uint8Array
}

/**
 * Encodes one frame.
 *
 * @example
 * ```ts
 * stream.write(encodeFrame({ receivedAt: Date.now(), bytes: datagram }))
 * ```
 */
export function encodeFrame(frame: CaptureFrame): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER + frame.bytes.byteLength)
  const view = new DataView(out.buffer)
  view.setUint32(0, frame.bytes.byteLength, true)
  view.setFloat64(4, frame.receivedAt, true)
  out.set(frame.bytes, FRAME_HEADER)
  return out
}

/** The result of {@link decodeFrames}. */
export interface DecodedCapture {
  frames: CaptureFrame[]
  /** Bytes of a cut-off last frame that were ignored (0 when the file ends cleanly). */
  truncatedBytes: number
}

/**
 * Decodes a whole capture file (magic included).
 *
 * @example
 * ```ts
 * const { frames } = decodeFrames(readFileSync('race.pwcap'))
 * ```
 */
export function decodeFrames(file: Uint8Array): DecodedCapture {
  if (file.byteLength < CAPTURE_MAGIC.byteLength || CAPTURE_MAGIC.some((b, i) => file[i] !== b)) {
    throw new PitwallError(ErrorCodes.SOURCE_INPUT_INVALID, 'capture file does not start with the magic PWUDPCP1', {
      details: { offset: 0 },
    })
  }
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const frames: CaptureFrame[] = []
  let at = CAPTURE_MAGIC.byteLength
  while (at + FRAME_HEADER <= file.byteLength) {
    const length = view.getUint32(at, true)
    if (length > MAX_DATAGRAM) {
      throw new PitwallError(ErrorCodes.SOURCE_INPUT_INVALID, `capture frame at offset ${at} claims ${length} bytes`, {
        details: { offset: at, length },
      })
    }
    if (at + FRAME_HEADER + length > file.byteLength) break
    const receivedAt = view.getFloat64(at + 4, true)
    frames.push({ receivedAt, bytes: file.slice(at + FRAME_HEADER, at + FRAME_HEADER + length) })
    at += FRAME_HEADER + length
  }
  return { frames, truncatedBytes: file.byteLength - at }
}
