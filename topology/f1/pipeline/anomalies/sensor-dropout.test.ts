/**
 * @module
 * `checkSilentChannels` reports every change it makes to the car's state, emitted or not, so the
 * anomaly processor puts the state again.
 */
import { describe, expect, it } from 'vitest'
import { defaultF1Config } from '../config.ts'
import type { Anomaly } from './anomaly.ts'
import { newCarState } from './car-state.ts'
import { checkSilentChannels } from './sensor-dropout.ts'

describe('checkSilentChannels', () => {
  it('says when it opened a dropout, extended one without emitting, or changed nothing', () => {
    const car = newCarState('sim-1', 44)
    const out: Anomaly[] = []
    const ctx = { car, config: defaultF1Config, emit: (a: Anomaly) => out.push(a) }
    car.lastSeen = { dynamics: 5_000, tyres: 1_000 }
    car.lastAny = 5_000
    expect(checkSilentChannels(ctx, car.lastSeen, car.lastAny, car.lastAny)).toBe(true)
    expect(out.map((a) => `${a.type}:${a.subject}:${a.status}`)).toEqual(['sensor_dropout:tyres:open'])
    expect(checkSilentChannels(ctx, car.lastSeen, car.lastAny, car.lastAny)).toBe(false)
    car.lastSeen.dynamics = 6_000
    car.lastAny = 6_000
    expect(checkSilentChannels(ctx, car.lastSeen, car.lastAny, car.lastAny)).toBe(true)
    expect(out).toHaveLength(1)
    expect(car.subjects['sensor_dropout|tyres']?.open?.end).toBe(6_000)
  })

  it('on the wall clock, opens nothing for a channel that is silent in arrival time only', () => {
    const car = newCarState('sim-1', 44)
    const out: Anomaly[] = []
    const ctx = { car, config: defaultF1Config, emit: (a: Anomaly) => out.push(a) }
    // sample times 100 ms apart; the worker stalled 2 s, then processed dynamics but not yet tyres
    car.lastSeen = { dynamics: 5_100, tyres: 5_000 }
    car.lastAny = 5_100
    const arrivals = { dynamics: 12_000, tyres: 10_000 }
    expect(checkSilentChannels(ctx, arrivals, 12_000, 12_000)).toBe(false)
    expect(out).toEqual([])
    // silent in both clocks: a dropout
    car.lastSeen.dynamics = 7_000
    car.lastAny = 7_000
    expect(checkSilentChannels(ctx, arrivals, 12_000, 12_000)).toBe(true)
    expect(out.map((a) => `${a.subject}:${a.status}:${a.start}`)).toEqual(['tyres:open:5001'])
  })
})
