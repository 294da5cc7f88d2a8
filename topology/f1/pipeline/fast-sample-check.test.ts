import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Simulator } from '../../../connectors/simulator/simulator.ts'
import { type TelemetrySample, telemetrySampleSchema } from '../model/index.ts'
import { F1Topics } from '../topics.ts'
import { compileSampleCheck } from './fast-sample-check.ts'

const fast = compileSampleCheck(telemetrySampleSchema)

// real samples of every channel, as the simulator sends them (with anomalies injected)
const sim = new Simulator({ seed: 7, cars: 2, laps: 1, anomaliesPerType: 1 })
const samples: TelemetrySample[] = []
const perChannel = new Map<string, number>()
for (const batch of sim.batches()) {
  for (const r of batch) {
    if (r.topic !== F1Topics.telemetryRaw.name) continue
    const s = r.value as TelemetrySample
    const n = perChannel.get(s.channel) ?? 0
    if (n < 40 || s.channel === 'system') samples.push(JSON.parse(JSON.stringify(s)))
    perChannel.set(s.channel, n + 1)
  }
}

const keys = [
  ...new Set(samples.flatMap((s) => Object.keys(s))),
  'lap',
  'sequence',
  'heading',
  'steering',
  'compound',
  'ageLaps',
  'flag',
  'state',
  'unknownField',
  '__proto__',
]
const edgeNumbers = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.0000001,
  8,
  9,
  -2,
  359.99,
  360,
  500,
  500.01,
  999,
  1000,
  2000,
  2000.5,
  -50,
  -50.5,
  20_000,
  20_001,
  100_000,
  1e7,
  2 ** 53 - 1,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
]
const edgeStrings = [
  '',
  'x',
  'x'.repeat(64),
  'x'.repeat(65),
  'dynamics',
  'tyres',
  'soft',
  'garage',
  'green',
  'simulator',
]
const anyValue = (undefinedToo: boolean): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...edgeNumbers),
    fc.double(),
    fc.integer({ min: -5, max: 1_100 }),
    fc.constantFrom(...edgeStrings),
    fc.string({ maxLength: 3 }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefinedToo ? undefined : null),
    fc.array(fc.constantFrom('E1', '', 1, 'x'.repeat(65)), { maxLength: 3 }),
    fc.constant({ pressure: 21, surfaceTemp: 90, innerTemp: 95 }),
    fc.dictionary(fc.constantFrom('pressure', 'surfaceTemp', 'innerTemp', 'wear', 'brakeTemp', 'x'), fc.double()),
  )
const mutation = (jsonValue: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...keys), value: jsonValue }),
    fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom(...keys) }),
    fc.record({
      op: fc.constant('corner' as const),
      corner: fc.constantFrom('FL', 'FR', 'RL', 'RR'),
      key: fc.constantFrom('pressure', 'surfaceTemp', 'innerTemp', 'wear', 'brakeTemp', 'x'),
      value: jsonValue,
    }),
  )

type Mutation =
  | { op: 'set'; key: string; value: unknown }
  | { op: 'delete'; key: string }
  | { op: 'corner'; corner: string; key: string; value: unknown }

function mutate(sample: TelemetrySample, ops: readonly Mutation[]): unknown {
  const out = JSON.parse(JSON.stringify(sample)) as Record<string, unknown>
  for (const m of ops) {
    if (m.op === 'delete') delete out[m.key]
    else if (m.op === 'set')
      Object.defineProperty(out, m.key, { value: m.value, enumerable: true, writable: true, configurable: true })
    else if (typeof out[m.corner] === 'object' && out[m.corner] !== null) {
      ;(out[m.corner] as Record<string, unknown>)[m.key] = m.value
    }
  }
  return out
}

describe('compileSampleCheck', () => {
  it('accepts every real sample of every channel, exactly as zod returns it', () => {
    expect([...perChannel.keys()].sort()).toEqual(['aero', 'dynamics', 'position', 'power-unit', 'system', 'tyres'])
    for (const s of samples) {
      const expected = telemetrySampleSchema.parse(s)
      // same values and the same key order, so a sample serialized again has the same bytes as before
      expect(JSON.stringify(fast(s))).toBe(JSON.stringify(expected))
      // the hot path: keys in the schema's order, so the sample itself is returned, not a copy
      expect(fast(s)).toBe(s)
    }
  })

  it('copies a sample whose keys are in another order, in the order zod returns', () => {
    const s = samples.find((x) => x.channel === 'tyres')!
    const reversed = Object.fromEntries(Object.entries(s).reverse())
    const got = fast(reversed)
    expect(got).not.toBe(reversed)
    expect(JSON.stringify(got)).toBe(JSON.stringify(telemetrySampleSchema.parse(reversed)))
  })

  it('agrees with the zod schema on mutated samples (any value JSON can carry)', () => {
    const mutations = fc.array(mutation(anyValue(false)), { maxLength: 3 })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: samples.length - 1 }), mutations, (i, ops) => {
        const input = mutate(samples[i]!, ops)
        const zod = telemetrySampleSchema.safeParse(input)
        const got = fast(input)
        if (zod.success) expect(got).toStrictEqual(zod.data)
        else expect(got).toBeUndefined()
      }),
      { numRuns: 5_000 },
    )
  })

  it('never accepts what zod rejects, nor returns other values, even with undefined fields', () => {
    const mutations = fc.array(mutation(anyValue(true)), { maxLength: 3 })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: samples.length - 1 }), mutations, (i, ops) => {
        const input = mutate(samples[i]!, ops)
        const got = fast(input)
        // undefined is not JSON: the fast check leaves such input to zod
        if (got !== undefined) expect(telemetrySampleSchema.parse(input)).toStrictEqual(got)
      }),
      { numRuns: 2_000 },
    )
  })

  it('rejects what is not an object of a known channel', () => {
    for (const v of [null, 3, 'x', [], {}, { channel: 'warp' }, { channel: 'dynamics' }]) {
      expect(fast(v)).toBeUndefined()
    }
  })
})
