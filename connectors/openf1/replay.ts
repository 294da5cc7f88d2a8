/**
 * @module
 * The OpenF1 replay source: loads a dump (see load.ts), then yields keyed event-model records in
 * event-time order at the original pace (`speed: 1`), accelerated (`speed: 20`) or as fast as
 * possible (`speed: Infinity`). Records other than raw telemetry (which the topology validates
 * and quarantines itself) are checked against the model here; invalid ones are counted in the
 * report, not produced.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { driverSchema } from '../../topology/f1/model/driver.ts'
import { lapSchema } from '../../topology/f1/model/lap.ts'
import { raceControlSchema } from '../../topology/f1/model/race-control.ts'
import { sessionSchema } from '../../topology/f1/model/session.ts'
import { validateWith } from '../../topology/f1/model/validate.ts'
import type { F1Record } from '../../topology/f1/topics.ts'
import { type LoadReport, loadDump, type TimedRow } from './load.ts'
import { OpenF1Mapper } from './mapper.ts'

/** Replay options. */
export interface OpenF1ReplayOptions {
  /** 1 = original timing (default), 20 = twenty times faster, Infinity = as fast as possible. */
  speed?: number
  signal?: AbortSignal
}

/** What a replay read and produced. */
export interface ReplayReport {
  endpoints: LoadReport
  records: number
  /** Rows skipped because a required value was null. */
  incomplete: number
  /** Mapped records that failed the event model, with the first reasons. */
  invalid: number
  invalidReasons: string[]
}

const schemas: Record<string, Parameters<typeof validateWith>[0]> = {
  'f1.laps': lapSchema,
  'f1.drivers': driverSchema,
  'f1.sessions': sessionSchema,
  'f1.race-control': raceControlSchema,
}

/**
 * Replays an OpenF1 dump folder as an async iterable of records.
 *
 * @example
 * ```ts
 * const replay = new OpenF1Replay('dumps/monza', { speed: Infinity })
 * for await (const record of replay) await producer.send(record)
 * console.log(replay.report.endpoints.car_data?.bad)
 * ```
 */
export class OpenF1Replay implements AsyncIterable<F1Record> {
  readonly #dir: string
  readonly #options: OpenF1ReplayOptions
  readonly #abort = new AbortController()
  #report: ReplayReport = { endpoints: {}, records: 0, incomplete: 0, invalid: 0, invalidReasons: [] }

  constructor(dir: string, options: OpenF1ReplayOptions = {}) {
    this.#dir = dir
    this.#options = options
  }

  /** The report so far (complete once the iteration ended). */
  get report(): ReplayReport {
    return this.#report
  }

  /** Stops the replay; a pending iteration ends. */
  close(): void {
    this.#abort.abort()
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<F1Record> {
    const { rows, report } = await loadDump(this.#dir)
    this.#report.endpoints = report
    yield* this.#play(rows)
  }

  async *#play(rows: TimedRow[]): AsyncGenerator<F1Record> {
    const signal = this.#options.signal
      ? AbortSignal.any([this.#options.signal, this.#abort.signal])
      : this.#abort.signal
    const speed = this.#options.speed ?? 1
    const mapper = new OpenF1Mapper()
    const firstDated = rows.find((r) => Number.isFinite(r.time))?.time ?? 0
    const started = Date.now()
    for (const { endpoint, row, time } of rows) {
      if (signal.aborted) break
      const eventTime = Number.isFinite(time) ? time : firstDated
      const wait = started + (eventTime - firstDated) / speed - Date.now()
      if (Number.isFinite(wait) && wait > 0) await sleep(wait, undefined, { signal }).catch(() => {})
      if (signal.aborted) break
      for (const record of mapper.map(endpoint, row, eventTime)) {
        const schema = schemas[record.topic]
        const check = schema ? validateWith(schema, record.value) : undefined
        if (check && !check.ok) {
          this.#report.invalid++
          if (this.#report.invalidReasons.length < 5)
            this.#report.invalidReasons.push(`${record.topic}: ${check.message}`)
          continue
        }
        this.#report.records++
        yield record
      }
      this.#report.incomplete = mapper.incomplete
    }
  }
}
