/**
 * @module
 * Race direction: the track condition (green, safety car, virtual safety car) over time and the
 * race control messages that announce it, in the event model's shape. A stopped car brings a
 * double yellow in its sector and a neutralisation (the first a safety car, later ones a VSC); a
 * planned debris VSC makes sure short runs see one too.
 */
import type { RaceControl as RaceControlMessage } from '../../topology/f1/model/index.ts'
import type { TrackMode } from './car-physics.ts'

type Fields = Partial<Omit<RaceControlMessage, 'sessionKey' | 'timestamp' | 'source'>> & { message: string }

/**
 * The race director: call {@link RaceDirector.update} every tick; it returns the messages due.
 *
 * @example
 * ```ts
 * const rc = new RaceDirector('sim-1', { safetyCar: true, scMs: 140_000, vscMs: 70_000 })
 * rc.incident(t, 'retirement', 2)
 * const messages = rc.update(t, leaderLap)
 * ```
 */
export class RaceDirector {
  mode: TrackMode = 'green'
  readonly #sessionKey: string
  readonly #options: { safetyCar: boolean; scMs: number; vscMs: number }
  #deployAt = Number.POSITIVE_INFINITY
  #deployKind: 'sc' | 'vsc' = 'sc'
  #endingAt = Number.POSITIVE_INFINITY
  #endAt = Number.POSITIVE_INFINITY
  #scUsed = false
  #clearSectors: { at: number; sector: number }[] = []
  readonly #queue: RaceControlMessage[] = []

  constructor(sessionKey: string, options: { safetyCar: boolean; scMs: number; vscMs: number }) {
    this.#sessionKey = sessionKey
    this.#options = options
  }

  /** True while the track is green and no neutralisation is about to be deployed. */
  get calm(): boolean {
    return this.mode === 'green' && this.#deployAt === Number.POSITIVE_INFINITY
  }

  /** Queues a message at `t`. */
  say(t: number, lap: number | null, fields: Fields): void {
    this.#queue.push({
      sessionKey: this.#sessionKey,
      timestamp: t,
      source: 'simulator',
      category: 'other',
      flag: null,
      scope: null,
      sector: null,
      carNumber: null,
      safetyCar: null,
      lap,
      ...fields,
    })
  }

  /** An incident at `t` in `sector`: yellow flags and, when the track is green, a neutralisation. */
  incident(t: number, lap: number, sector: number, carNumber: number | null, what: string): void {
    if (carNumber !== null) this.say(t, lap, { category: 'car-event', scope: 'driver', carNumber, message: what })
    else this.say(t, lap, { category: 'other', scope: 'sector', sector, message: what })
    this.say(t, lap, {
      category: 'flag',
      flag: 'double-yellow',
      scope: 'sector',
      sector,
      message: `DOUBLE YELLOW IN TRACK SECTOR ${sector}`,
    })
    this.#clearSectors.push({ at: t + 40_000, sector })
    if (this.#options.safetyCar && this.mode === 'green' && this.#deployAt === Number.POSITIVE_INFINITY) {
      this.#deployAt = t + 5000
      this.#deployKind = this.#scUsed || carNumber === null ? 'vsc' : 'sc'
    }
  }

  /** Advances to `t`; returns the messages due (in time order) and updates {@link mode}. */
  update(t: number, lap: number): RaceControlMessage[] {
    if (t >= this.#deployAt) {
      const sc = this.#deployKind === 'sc'
      this.#scUsed ||= sc
      this.mode = this.#deployKind
      this.#deployAt = Number.POSITIVE_INFINITY
      this.#endAt = t + (sc ? this.#options.scMs : this.#options.vscMs)
      this.#endingAt = this.#endAt - 15_000
      this.say(t, lap, {
        category: 'safety-car',
        flag: 'yellow',
        scope: 'track',
        safetyCar: this.#deployKind,
        message: sc ? 'SAFETY CAR DEPLOYED' : 'VIRTUAL SAFETY CAR DEPLOYED',
      })
    }
    if (t >= this.#endingAt) {
      this.#endingAt = Number.POSITIVE_INFINITY
      const sc = this.mode === 'sc'
      this.say(t, lap, {
        category: 'safety-car',
        scope: 'track',
        safetyCar: sc ? 'sc-ending' : 'vsc-ending',
        message: sc ? 'SAFETY CAR IN THIS LAP' : 'VIRTUAL SAFETY CAR ENDING',
      })
    }
    if (t >= this.#endAt) {
      this.#endAt = Number.POSITIVE_INFINITY
      this.mode = 'green'
      this.say(t, lap, { category: 'flag', flag: 'green', scope: 'track', message: 'TRACK CLEAR' })
    }
    while (this.#clearSectors.length > 0 && t >= this.#clearSectors[0]!.at) {
      const { sector } = this.#clearSectors.shift()!
      this.say(t, lap, {
        category: 'flag',
        flag: 'green',
        scope: 'sector',
        sector,
        message: `CLEAR IN TRACK SECTOR ${sector}`,
      })
    }
    return this.#queue.splice(0)
  }
}
