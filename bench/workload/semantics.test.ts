import { describe, expect, it } from 'vitest'
import { detectAnomaly, toMetrics, validate, windowStartOf } from './semantics.ts'

const sample = {
  session: 's',
  car: 3,
  ts: 1000,
  speed: 250,
  rpm: 11000,
  gear: 5,
  throttle: 1,
  brake: 0,
  engineTemp: 100,
}
const raw = (v: unknown) => Buffer.from(JSON.stringify(v))

describe('validate', () => {
  it('maps a valid sample to the clean shape', () => {
    expect(validate(raw(sample))).toEqual({ ok: true, clean: { car: 3, ts: 1000, speedKmh: 250, rpm: 11000, gear: 5 } })
  })

  it.each([
    [{ ...sample, speed: -1 }, 'speed-out-of-range'],
    [{ ...sample, speed: 400.5 }, 'speed-out-of-range'],
    [{ ...sample, rpm: 20001 }, 'rpm-out-of-range'],
    [{ ...sample, gear: undefined }, 'missing-field:gear'],
    [{ ...sample, rpm: '11000' }, 'invalid-field:rpm'],
    [[1, 2], 'not-an-object'],
    [{ ...sample, pad: 'x'.repeat(2000) }, 'oversized'],
  ])('quarantines %j with reason %s', (value, reason) => {
    expect(validate(raw(value))).toEqual({ ok: false, reason })
  })

  it('rejects truncated JSON and empty values', () => {
    expect(validate(raw(sample).subarray(0, 20))).toEqual({ ok: false, reason: 'unparseable-json' })
    expect(validate(null)).toEqual({ ok: false, reason: 'empty-value' })
  })
})

describe('windows and anomalies', () => {
  it('aligns tumbling windows to the second', () => {
    expect(windowStartOf(1_767_225_600_999)).toBe(1_767_225_600_000)
    expect(toMetrics(1, 2000, { count: 4, sumSpeed: 800, maxRpm: 12000 })).toEqual({
      car: 1,
      windowStart: 2000,
      windowEnd: 3000,
      count: 4,
      avgSpeed: 200,
      maxRpm: 12000,
    })
  })

  it('flags a drop of more than 3000 rpm only without a gear change', () => {
    const cur = { car: 1, ts: 20, speedKmh: 200, rpm: 8000, gear: 4 }
    expect(detectAnomaly({ ts: 0, rpm: 11001, gear: 4 }, cur)?.rpmBefore).toBe(11001)
    expect(detectAnomaly({ ts: 0, rpm: 11000, gear: 4 }, cur)).toBeUndefined()
    expect(detectAnomaly({ ts: 0, rpm: 12000, gear: 5 }, cur)).toBeUndefined()
    expect(detectAnomaly(undefined, cur)).toBeUndefined()
  })
})
