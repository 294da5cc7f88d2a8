/**
 * @module
 * A seeded, deterministic pseudo-random generator (mulberry32) with the few distributions the
 * simulator needs. Every car and every subsystem draws from its own stream forked by label, so
 * adding a car or a subsystem never shifts the numbers another one sees.
 */

/** FNV-1a over a string: a stable 32-bit hash used to derive stream seeds from labels. */
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * A mulberry32 stream: the same seed gives the same sequence on every platform.
 *
 * @example
 * ```ts
 * const rng = new Rng(42)
 * rng.next() // always the same float in [0, 1) for seed 42
 * const car = rng.fork('car:44') // an independent stream
 * ```
 */
export class Rng {
  #state: number
  #spare = Number.NaN
  readonly seed: number

  constructor(seed: number) {
    this.seed = seed >>> 0
    this.#state = this.seed
  }

  /** A uniform float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0
    let t = this.#state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** A uniform float in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** A uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** A normal variate (Box-Muller, the spare value cached). */
  normal(mean = 0, sd = 1): number {
    if (!Number.isNaN(this.#spare)) {
      const z = this.#spare
      this.#spare = Number.NaN
      return mean + sd * z
    }
    let u = this.next()
    while (u === 0) u = this.next()
    const v = this.next()
    const r = Math.sqrt(-2 * Math.log(u))
    this.#spare = r * Math.sin(2 * Math.PI * v)
    return mean + sd * r * Math.cos(2 * Math.PI * v)
  }

  /** An independent stream derived from this stream's seed and a label (not from its position). */
  fork(label: string): Rng {
    return new Rng(hash32(`${this.seed}:${label}`))
  }
}
