import { describe, expect, it } from 'vitest'
import { fullThrottleRuns } from './anomaly-plan.ts'
import { SILVERSTONE } from './circuit.ts'
import { brakingLimit, profileLapTime, REFERENCE_CAR, speedProfile } from './speed-profile.ts'
import { buildTrack, cornerSpeed, sectorOf } from './track.ts'

const track = buildTrack(SILVERSTONE)

describe('track model', () => {
  it('is a closed loop of about 5.6 km with ordered sectors, DRS zones on straights and a pit lane', () => {
    expect(track.length).toBeGreaterThan(5000)
    expect(track.length).toBeLessThan(6500)
    expect(Math.hypot(track.x[track.length]! - track.x[0]!, track.y[track.length]! - track.y[0]!)).toBeLessThan(1e-6)
    const [e1, e2] = track.sectorEnds
    expect(0 < e1 && e1 < e2 && e2 < track.length).toBe(true)
    expect(sectorOf(track, 10)).toBe(1)
    expect(sectorOf(track, e1 + 1)).toBe(2)
    expect(sectorOf(track, track.length - 1)).toBe(3)
    for (const [a, b] of track.drsZones) {
      expect(b).toBeGreaterThan(a + 200)
      for (let i = a; i < b; i++) expect(track.curvature[i]).toBe(0)
    }
    expect(track.curvature[track.speedTrap]).toBe(0)
    expect(track.pit.box).toBeGreaterThan(track.pit.entry)
    expect(track.pit.exit).toBeGreaterThan(0)
  })

  it('gives tight corners low speeds and fast sweepers high ones', () => {
    expect(cornerSpeed(25) * 3.6).toBeLessThan(100)
    expect(cornerSpeed(110) * 3.6).toBeGreaterThan(200)
    expect(cornerSpeed(400)).toBe(100)
  })
})

describe('speed profile', () => {
  const v = speedProfile(track, REFERENCE_CAR)

  it('laps in 80..95 s with a 310..350 km/h top speed', () => {
    expect(profileLapTime(v)).toBeGreaterThan(80)
    expect(profileLapTime(v)).toBeLessThan(95)
    const top = Math.max(...v) * 3.6
    expect(top).toBeGreaterThan(310)
    expect(top).toBeLessThan(350)
    expect(profileLapTime(speedProfile(track, REFERENCE_CAR, { drs: true }))).toBeLessThan(profileLapTime(v))
  })

  it('never exceeds a corner limit and brakes before every corner within the braking envelope', () => {
    for (let i = 0; i < track.length; i++) {
      expect(v[i]).toBeLessThanOrEqual(track.cornerLimit[i]! + 1e-9)
      const next = v[i + 1]!
      if (next < v[i]!) {
        // decelerating: v² - next² <= 2 a_brake(next) over one metre
        expect(v[i]! ** 2 - next ** 2).toBeLessThanOrEqual(2 * brakingLimit(REFERENCE_CAR, next) + 1e-6)
      }
    }
    // braking zones end in corners: every local minimum of speed is in a corner
    for (let i = 1; i < track.length - 1; i++) {
      if (v[i]! < v[i - 1]! && v[i]! <= v[i + 1]!) expect(track.cornerAt[i]).not.toBe('')
    }
  })

  it('finds the long full-throttle runs where an RPM drop is unambiguous', () => {
    const runs = fullThrottleRuns(v, 400)
    expect(runs.length).toBeGreaterThanOrEqual(2)
    for (const start of runs) expect(v[start + 300]!).toBeGreaterThanOrEqual(v[start]!)
  })
})
