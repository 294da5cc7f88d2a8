import { describe, expect, it } from 'vitest'
import { validateRawRecord } from '../topics.ts'
import {
  acronymOf,
  driverSchema,
  eventJsonSchemas,
  keyOf,
  lapSchema,
  normalizeColour,
  parseKey,
  raceControlSchema,
  sessionSchema,
  telemetrySampleSchema,
} from './index.ts'

const env = { sessionKey: '9158', carNumber: 44, timestamp: 1_700_000_000_000, source: 'simulator' as const }
const dynamics = { ...env, channel: 'dynamics', speed: 301.5, throttle: 1, brake: 0, gear: 8, lap: 3, sequence: 7 }
const corner = { pressure: 23.1, surfaceTemp: 95, innerTemp: 101, wear: 12.5, brakeTemp: 640 }

describe('telemetry samples', () => {
  it('accepts one sample of every channel', () => {
    const samples = [
      { ...env, channel: 'position', x: 10.5, y: -200, z: 3, speed: 280, heading: 359.9 },
      dynamics,
      { ...env, channel: 'power-unit', rpm: 11_800, ersStore: 3_900_000, ersDeploy: 120, engineTemp: 105 },
      { ...env, channel: 'tyres', FL: corner, FR: corner, RL: corner, RR: corner, compound: 'soft' },
      { ...env, channel: 'aero', drsOpen: true, brakeBalance: 56.5 },
      { ...env, channel: 'system', errors: [], warnings: ['ERS_LOW'], flag: 'yellow' },
    ]
    for (const s of samples) expect(telemetrySampleSchema.parse(s)).toEqual(s)
  })

  it('rejects unknown fields, naming them', () => {
    const v = validateRawRecord({ ...dynamics, turbo: 1 })
    expect(v).toMatchObject({ ok: false, reason: 'UNKNOWN_FIELD', field: 'turbo' })
  })

  it('rejects out-of-range, wrong-type, missing and NaN values with the field path', () => {
    expect(validateRawRecord({ ...dynamics, throttle: 1.5 })).toMatchObject({
      reason: 'OUT_OF_RANGE',
      field: 'throttle',
    })
    expect(validateRawRecord({ ...dynamics, gear: 9 })).toMatchObject({ reason: 'OUT_OF_RANGE', field: 'gear' })
    expect(validateRawRecord({ ...dynamics, speed: '300' })).toMatchObject({ reason: 'WRONG_TYPE', field: 'speed' })
    expect(validateRawRecord({ ...dynamics, speed: Number.NaN })).toMatchObject({ ok: false, field: 'speed' })
    expect(validateRawRecord({ ...dynamics, speed: Number.POSITIVE_INFINITY })).toMatchObject({ ok: false })
    const { brake: _b, ...noBrake } = dynamics
    expect(validateRawRecord(noBrake)).toMatchObject({ reason: 'MISSING_FIELD', field: 'brake' })
    const badCorner = { ...env, channel: 'tyres', FL: corner, FR: corner, RL: { ...corner, pressure: -1 }, RR: corner }
    const v = validateRawRecord(badCorner)
    expect(v).toMatchObject({ reason: 'OUT_OF_RANGE', field: 'RL.pressure' })
    if (!v.ok) expect(v.message).toContain('RL.pressure')
  })

  it('rejects unknown channels and non-objects', () => {
    expect(validateRawRecord({ ...dynamics, channel: 'radio' })).toMatchObject({ ok: false, field: 'channel' })
    expect(validateRawRecord('hello')).toMatchObject({ ok: false, reason: 'MALFORMED' })
    expect(validateRawRecord({ ...dynamics, source: 'twitter' })).toMatchObject({ ok: false, field: 'source' })
  })
})

describe('laps, sessions, drivers, race control', () => {
  it('parse valid records and reject bad ones', () => {
    const lap = {
      ...env,
      lapNumber: 3,
      lapStart: 1_700_000_000_000,
      lapDuration: 91_743,
      sector1: 30_100,
      sector2: null,
      sector3: null,
      speedTrap: 312.4,
      i1Speed: null,
      i2Speed: null,
      position: 1,
      pitIn: false,
      pitOut: true,
    }
    expect(lapSchema.parse(lap)).toEqual(lap)
    expect(lapSchema.safeParse({ ...lap, position: 0 }).success).toBe(false)
    const driver = {
      ...env,
      nameAcronym: 'HAM',
      fullName: 'Lewis HAMILTON',
      teamName: 'Mercedes',
      teamColour: '#27F4D2',
    }
    expect(driverSchema.parse(driver)).toEqual(driver)
    expect(driverSchema.safeParse({ ...driver, teamColour: '27F4D2' }).error?.issues[0]?.message).toContain(
      'teamColour',
    )
    const session = {
      sessionKey: '9158',
      timestamp: 0,
      source: 'openf1',
      name: 'Race',
      type: 'race',
      circuit: 'Monza',
      country: null,
      start: null,
      end: null,
      totalLaps: 51,
    }
    expect(sessionSchema.parse(session)).toEqual(session)
    const rc = {
      sessionKey: '9158',
      timestamp: 5,
      source: 'openf1',
      category: 'flag',
      flag: 'double-yellow',
      scope: 'sector',
      sector: 7,
      carNumber: null,
      message: 'DOUBLE YELLOW IN TRACK SECTOR 7',
      safetyCar: null,
      lap: 4,
    }
    expect(raceControlSchema.parse(rc)).toEqual(rc)
    expect(raceControlSchema.safeParse({ ...rc, flag: 'purple' }).success).toBe(false)
  })
})

describe('keys and helpers', () => {
  it('keys by session and car, and parses keys back', () => {
    expect(keyOf('9158', 44)).toBe('9158:44')
    expect(keyOf(env)).toBe('9158:44')
    expect(parseKey('a:b:7')).toEqual({ sessionKey: 'a:b', carNumber: 7 })
    expect(parseKey('nocar')).toBeUndefined()
    expect(parseKey('s:')).toBeUndefined()
  })

  it('normalizes colours and makes acronyms', () => {
    expect(normalizeColour('3671c6')).toBe('#3671C6')
    expect(normalizeColour('#ABCDEF')).toBe('#ABCDEF')
    expect(normalizeColour('blue')).toBeNull()
    expect(normalizeColour(null)).toBeNull()
    expect(acronymOf('Max VERSTAPPEN')).toBe('VER')
    expect(acronymOf('Sergio Pérez')).toBe('PER')
  })

  it('exports JSON Schemas with the channel discriminator and strict objects', () => {
    const schemas = eventJsonSchemas()
    const text = JSON.stringify(schemas.TelemetrySample)
    expect(text).toContain('"power-unit"')
    expect(text).toContain('"additionalProperties":false')
    expect(Object.keys(schemas)).toEqual(['TelemetrySample', 'Lap', 'Session', 'Driver', 'RaceControl'])
  })
})
