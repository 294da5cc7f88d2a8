/**
 * @module
 * Scheduled punctuations of one task and one time type, with Kafka Streams' timing: stream-time
 * schedules are aligned to 0 (the first one fires with the first record), wall-clock ones start
 * one interval after scheduling; missed intervals are skipped, not replayed.
 */
import type { Cancellable, Punctuator } from '../../processor.ts'

interface Schedule {
  next: number
  readonly interval: number
  readonly punctuator: Punctuator
  cancelled: boolean
}

/**
 * A list of schedules fired by `mayPunctuate(now)`.
 *
 * @example
 * ```ts
 * const q = new PunctuationQueue()
 * q.schedule(0, 1000, (t) => console.log('tick', t))
 * await q.mayPunctuate(2500) // fires once with 2500; the next is at 3000
 * ```
 */
export class PunctuationQueue {
  #schedules: Schedule[] = []

  get size(): number {
    return this.#schedules.length
  }

  schedule(first: number, interval: number, punctuator: Punctuator): Cancellable {
    const entry: Schedule = { next: first, interval, punctuator, cancelled: false }
    this.#schedules.push(entry)
    return {
      cancel: () => {
        entry.cancelled = true
        this.#schedules = this.#schedules.filter((s) => s !== entry)
      },
    }
  }

  /** Fires every schedule due at `now`; true when one fired. */
  async mayPunctuate(now: number, before?: () => void): Promise<boolean> {
    let fired = false
    for (const s of this.#schedules.slice()) {
      if (s.cancelled || s.next > now) continue
      before?.()
      fired = true
      await s.punctuator(now)
      const next = s.next + s.interval
      s.next = now >= next ? now - ((now - s.next) % s.interval) + s.interval : next
    }
    return fired
  }
}
