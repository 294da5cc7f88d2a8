/**
 * @module
 * What the F1 broker bench runs per bench profile: `smoke` (CI, well under a minute of
 * measuring: 10 cars, one lap, 8 s of latency) and `full` (50 cars: one lap preloaded, about
 * 580,000 events, and 30 s of the real-time race).
 */

/** The F1 broker bench settings of one profile. */
export interface F1BenchProfile {
  readonly throughput: { readonly seed: number; readonly cars: number; readonly laps: number }
  readonly latency: {
    readonly seed: number
    readonly cars: number
    readonly seconds: number
    readonly warmupSeconds: number
  }
  readonly timeoutMs: number
  /** Partitions per car topic: the stack's default (`PITWALL_PARTITIONS`, 6); session topics have 1. */
  readonly carPartitions: number
}

/** The two profiles. */
export const F1_BENCH_PROFILES: Record<'smoke' | 'full', F1BenchProfile> = {
  smoke: {
    throughput: { seed: 1, cars: 10, laps: 1 },
    latency: { seed: 2, cars: 50, seconds: 8, warmupSeconds: 3 },
    timeoutMs: 180_000,
    carPartitions: 6,
  },
  full: {
    throughput: { seed: 1, cars: 50, laps: 1 },
    latency: { seed: 2, cars: 50, seconds: 30, warmupSeconds: 5 },
    timeoutMs: 900_000,
    carPartitions: 6,
  },
}
