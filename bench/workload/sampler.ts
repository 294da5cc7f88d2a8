/**
 * @module
 * Keeps the highest value a reading of a process has given, sampled every `intervalMs`, so a
 * figure that only grows (peak RSS, CPU time) survives the process's abrupt exit.
 */

/** A running sampler. */
export interface Sampler {
  /** Reads once more and returns the highest value so far. */
  latest(): number
  /** Reads a last time, stops sampling and returns the highest value. */
  stop(): number
}

/**
 * Samples `read` (undefined once the process is gone) every `intervalMs`.
 *
 * @example
 * ```ts
 * const cpu = sampleMax(() => cpuMsOf(pid))
 * cpu.stop() // ms
 * ```
 */
export function sampleMax(read: () => number | undefined, intervalMs = 500): Sampler {
  let highest = 0
  const sample = () => {
    highest = Math.max(highest, read() ?? 0)
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  timer.unref()
  return {
    latest: () => {
      sample()
      return highest
    },
    stop: () => {
      sample()
      clearInterval(timer)
      return highest
    },
  }
}
