/**
 * @module
 * A bounds-checked little-endian cursor over one UDP payload. Every read past the end throws
 * PACKET_INVALID naming the packet and the offset, so a decoder can never read garbage silently.
 */
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/**
 * Reads packed little-endian fields in order.
 *
 * @example
 * ```ts
 * const r = new PacketReader(bytes, 'header')
 * const format = r.u16()
 * ```
 */
export class PacketReader {
  readonly #view: DataView
  readonly #what: string
  #offset: number

  constructor(bytes: Uint8Array, what: string, offset = 0) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    this.#what = what
    this.#offset = offset
  }

  /** The offset of the next read. */
  get offset(): number {
    return this.#offset
  }

  #take(size: number): number {
    const at = this.#offset
    if (at + size > this.#view.byteLength) {
      throw new PitwallError(
        ErrorCodes.PACKET_INVALID,
        `${this.#what}: read of ${size} bytes at offset ${at} past the end (${this.#view.byteLength} bytes)`,
        { details: { reason: 'truncated', offset: at, size: this.#view.byteLength } },
      )
    }
    this.#offset = at + size
    return at
  }

  u8(): number {
    return this.#view.getUint8(this.#take(1))
  }
  i8(): number {
    return this.#view.getInt8(this.#take(1))
  }
  u16(): number {
    return this.#view.getUint16(this.#take(2), true)
  }
  i16(): number {
    return this.#view.getInt16(this.#take(2), true)
  }
  u32(): number {
    return this.#view.getUint32(this.#take(4), true)
  }
  f32(): number {
    return this.#view.getFloat32(this.#take(4), true)
  }
  /** A u64 as a decimal string (session UIDs exceed 2^53). */
  u64(): string {
    return this.#view.getBigUint64(this.#take(8), true).toString()
  }
  /** A NUL-terminated UTF-8 string in a fixed field of `size` bytes. */
  chars(size: number): string {
    const at = this.#take(size)
    const bytes = new Uint8Array(this.#view.buffer, this.#view.byteOffset + at, size)
    const end = bytes.indexOf(0)
    return new TextDecoder('utf-8').decode(end === -1 ? bytes : bytes.subarray(0, end))
  }
  /** `count` values read by `read`. */
  array<T>(count: number, read: (r: PacketReader) => T): T[] {
    const out: T[] = []
    for (let i = 0; i < count; i++) out.push(read(this))
    return out
  }
  skip(size: number): void {
    this.#take(size)
  }
}
