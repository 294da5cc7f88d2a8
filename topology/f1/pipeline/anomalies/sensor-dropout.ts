/**
 * @module
 * Sensor dropout: a channel of a car sends nothing for longer than `maxGapMs` while the car's
 * other channels keep arriving (a car that stops altogether has retired or finished; that is not
 * a sensor fault). Punctuators open the anomaly while the channel is silent (stream time in the
 * car's own sample times, deterministic; wall clock for live sessions); the channel's next sample
 * closes it with the exact silent interval, or reports it at once if no punctuation saw it.
 */
import type { DetectorContext } from './detector-context.ts'
import { toAnomaly } from './detector-context.ts'

function subjectName(channel: string): string {
  return `sensor_dropout|${channel}`
}

/**
 * Records a sample's arrival on its channel, closing (or reporting) the dropout it ends.
 *
 * @example
 * ```ts
 * sampleArrived(ctx, 'tyres', sample.timestamp)
 * ```
 */
export function sampleArrived(ctx: DetectorContext, channel: string, t: number): void {
  const { car } = ctx
  const tracked = ctx.config.anomalies.sensorDropout.channels as readonly string[]
  if (!tracked.includes(channel)) return
  const prev = car.lastSeen[channel]
  car.lastSeen[channel] = prev === undefined ? t : Math.max(prev, t)
  if (prev === undefined || t - prev <= ctx.config.anomalies.sensorDropout.maxGapMs) return
  const name = subjectName(channel)
  const seen = car.subjects[name]?.open
  const open = seen ?? {
    id: `${car.sessionKey}:${car.carNumber}|sensor_dropout|${channel}|${prev + 1}`,
    start: prev + 1,
    end: t - 1,
    lap: car.lap,
    evidence: {},
  }
  open.end = t - 1
  open.evidence = { gapMs: t - prev, lastSampleAt: prev }
  // every anomaly has exactly one open record, so counting opens counts anomalies
  if (seen === undefined) ctx.emit(toAnomaly(ctx, 'sensor_dropout', channel, open, 'open'))
  ctx.emit(toAnomaly(ctx, 'sensor_dropout', channel, open, 'closed'))
  delete car.subjects[name]
}

/**
 * Opens a dropout for each tracked channel silent for more than the threshold at `now`, and by
 * more than the threshold behind the car's newest sample time, while the car itself is alive (its
 * latest arrival `anyAt` is within the threshold of `now`). `seen` holds
 * each channel's latest arrival on the same clock as `now`. Returns whether the car's state changed
 * (an open dropout can be extended without emitting anything): the caller then puts the state
 * again, or the change would not reach the store and its changelog.
 *
 * @example
 * ```ts
 * if (checkSilentChannels(ctx, car.lastSeen, car.lastAny, car.lastAny)) await store.put(key, car) // stream time
 * ```
 */
export function checkSilentChannels(
  ctx: DetectorContext,
  seen: Readonly<Record<string, number>>,
  anyAt: number,
  now: number,
): boolean {
  const { car } = ctx
  const maxGap = ctx.config.anomalies.sensorDropout.maxGapMs
  if (now - anyAt > maxGap) return false
  let changed = false
  for (const channel of ctx.config.anomalies.sensorDropout.channels) {
    const at = seen[channel]
    const last = car.lastSeen[channel]
    // silent on the check's clock AND in the car's own sample times: on the wall clock alone, a
    // stall of the worker (a slow commit, GC) followed by a fetch processed part-way looks like
    // every channel not yet reached having gone silent
    if (at === undefined || last === undefined || now - at <= maxGap || car.lastAny - last <= maxGap) continue
    const name = subjectName(channel)
    const existing = car.subjects[name]?.open
    if (existing !== undefined) {
      if (car.lastAny > existing.end) {
        existing.end = car.lastAny
        changed = true
      }
      continue
    }
    const open = {
      id: `${car.sessionKey}:${car.carNumber}|sensor_dropout|${channel}|${last + 1}`,
      start: last + 1,
      end: Math.max(last + 1, car.lastAny),
      lap: car.lap,
      evidence: { silentForMs: Math.max(0, car.lastAny - last), lastSampleAt: last },
    }
    car.subjects[name] = { open }
    changed = true
    ctx.emit(toAnomaly(ctx, 'sensor_dropout', channel, open, 'open'))
  }
  return changed
}
