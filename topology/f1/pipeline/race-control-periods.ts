/**
 * @module
 * Race control per session, kept as a bounded, time-ordered message list (the `f1-race-control-periods`
 * table), and the flags a lap ran under: yellow (yellow or double yellow), SC, VSC and red, each
 * active from its message until the next green flag (SC/VSC 'ending' messages keep them active
 * until the green).
 */
import type { RaceControl } from '../model/index.ts'

/** The slice of a race control message the flags need. */
export interface FlagMessage {
  readonly t: number
  readonly flag: string | null
  readonly safetyCar: string | null
  readonly scope: string | null
}

/** A session's messages, oldest first. */
export interface RaceControlHistory {
  readonly messages: readonly FlagMessage[]
}

/** The flags of one lap. */
export interface LapFlags {
  readonly yellow: boolean
  readonly safetyCar: boolean
  readonly virtualSafetyCar: boolean
  readonly red: boolean
}

/**
 * Appends a message (kept sorted, at most `max`).
 *
 * @example
 * ```ts
 * addMessage({ messages: [] }, rc, 500)
 * ```
 */
export function addMessage(history: RaceControlHistory, rc: RaceControl, max: number): RaceControlHistory {
  const m: FlagMessage = { t: rc.timestamp, flag: rc.flag, safetyCar: rc.safetyCar, scope: rc.scope }
  const messages = [...history.messages, m].sort((a, b) => a.t - b.t)
  return { messages: messages.length > max ? messages.slice(-max) : messages }
}

interface State {
  yellow: boolean
  sc: boolean
  vsc: boolean
  red: boolean
}

function apply(s: State, m: FlagMessage): void {
  if (m.flag === 'green' && (m.scope === 'track' || m.scope === null)) {
    s.yellow = false
    s.sc = false
    s.vsc = false
    s.red = false
  }
  if (m.flag === 'yellow' || m.flag === 'double-yellow') s.yellow = true
  if (m.flag === 'red') s.red = true
  if (m.safetyCar === 'sc') s.sc = true
  if (m.safetyCar === 'vsc') s.vsc = true
}

/**
 * The flags active at any time of `[start, end]` (including those already active at `start`).
 *
 * @example
 * ```ts
 * flagsDuring(history, lap.lapStart, lap.lapStart + lap.lapDuration).safetyCar // true
 * ```
 */
export function flagsDuring(history: RaceControlHistory | null, start: number, end: number): LapFlags {
  const s: State = { yellow: false, sc: false, vsc: false, red: false }
  const seen: State = { ...s }
  const note = () => {
    seen.yellow ||= s.yellow
    seen.sc ||= s.sc
    seen.vsc ||= s.vsc
    seen.red ||= s.red
  }
  let began = false
  for (const m of history?.messages ?? []) {
    if (m.t > end) break
    if (!began && m.t >= start) {
      note()
      began = true
    }
    apply(s, m)
    if (m.t >= start) note()
  }
  note()
  return { yellow: seen.yellow, safetyCar: seen.sc, virtualSafetyCar: seen.vsc, red: seen.red }
}
