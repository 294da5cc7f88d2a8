/**
 * @module
 * The three F1 sources of scripts/f1-source.ts as async iterables of event-model records: the
 * simulator (one race, or races back to back with `loop`, each writing its ground truth file), the
 * F1 game UDP listener or a replayed capture file, and an OpenF1 dump replay.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { readCaptureFile, replayFrames } from '../../connectors/f1-udp/capture-file.ts'
import { UdpListener } from '../../connectors/f1-udp/listener.ts'
import { frameRecords, udpRecords } from '../../connectors/f1-udp/source.ts'
import { OpenF1Replay } from '../../connectors/openf1/replay.ts'
import type { SimulatorOptions } from '../../connectors/simulator/config.ts'
import { Simulator } from '../../connectors/simulator/simulator.ts'
import type { F1Record } from '../../topology/f1/topics.ts'

/**
 * A start time that keeps a race's event times in the broker's window: now in real time, else
 * about one race length ago, so that the whole race lies in the recent past. The simulator's fixed
 * default (July 2025) is older than the broker's retention (7 days), which would delete the records
 * soon after they are written, and event times far in the future are rejected by the broker.
 *
 * @example
 * ```ts
 * new Simulator({ cars: 4, laps: 2, startTime: recentStart({ laps: 2 }) })
 * ```
 */
export function recentStart(race: SimulatorOptions): number {
  return race.mode === 'realtime' ? Date.now() : Date.now() - (race.laps ?? 55) * 120_000
}

/** Simulator source options. */
export interface SimulatorSourceOptions {
  readonly race: SimulatorOptions
  /** Runs races back to back (seed + 1 each time, each with a new start time). */
  readonly loop?: boolean
  /** Where each race's ground truth goes; `{session}` is replaced by the session key. */
  readonly truthFile?: string
  /** Called when a race ends. */
  readonly onRaceEnd?: (race: { sessionKey: string; truth: number; file?: string }) => void
}

/**
 * Simulated races as records; each race's ground truth is written when it ends (or is aborted).
 *
 * @example
 * ```ts
 * for await (const r of simulatorSource({ race: { cars: 4, laps: 2 }, truthFile: 'truth.json' })) console.log(r.topic)
 * ```
 */
export async function* simulatorSource(
  options: SimulatorSourceOptions,
  signal?: AbortSignal,
): AsyncGenerator<F1Record> {
  let seed = options.race.seed ?? 1
  do {
    const race: SimulatorOptions = {
      ...options.race,
      seed,
      ...(options.race.startTime === undefined ? { startTime: recentStart(options.race) } : {}),
    }
    if (options.loop && options.race.sessionKey === undefined)
      race.sessionKey = `sim-${seed}-${Date.now().toString(36)}`
    const sim = new Simulator(race)
    try {
      yield* sim.records(signal) as AsyncGenerator<F1Record>
    } finally {
      const sessionKey = sim.config.sessionKey
      const file = options.truthFile?.replaceAll('{session}', sessionKey)
      if (file !== undefined) {
        await mkdir(dirname(file), { recursive: true })
        const body = { sessionKey, seed, complete: sim.done, anomalies: sim.groundTruth }
        await writeFile(file, `${JSON.stringify(body, null, 2)}\n`)
      }
      options.onRaceEnd?.({ sessionKey, truth: sim.groundTruth.length, ...(file === undefined ? {} : { file }) })
    }
    seed++
  } while (options.loop && !signal?.aborted)
}

/**
 * F1 game telemetry: a live UDP listener on `port`, or a capture file replayed at `speed`.
 *
 * @example
 * ```ts
 * for await (const r of udpSource({ capture: 'race.pwcap', speed: Infinity })) console.log(r.topic)
 * ```
 */
export async function* udpSource(
  options: { port?: number; capture?: string; speed?: number; log?: (line: string) => void },
  signal?: AbortSignal,
): AsyncGenerator<F1Record> {
  if (options.capture !== undefined) {
    const { frames } = await readCaptureFile(options.capture)
    yield* frameRecords(replayFrames(frames, { speed: options.speed ?? 1, ...(signal ? { signal } : {}) }))
    return
  }
  const listener = new UdpListener({
    port: options.port ?? 20777,
    ...(options.log ? { logger: (level: string, message: string) => options.log!(`${level}: ${message}`) } : {}),
  })
  await listener.start()
  signal?.addEventListener('abort', () => void listener.close())
  yield* udpRecords(listener)
}

/**
 * An OpenF1 dump folder replayed at `speed` (Infinity: as fast as possible).
 *
 * @example
 * ```ts
 * for await (const r of openF1Source({ dir: 'test/fixtures/openf1/singapore-2023-race', speed: Infinity })) void r
 * ```
 */
export function openF1Source(options: { dir: string; speed?: number }, signal?: AbortSignal): OpenF1Replay {
  return new OpenF1Replay(options.dir, { speed: options.speed ?? 1, ...(signal ? { signal } : {}) })
}
