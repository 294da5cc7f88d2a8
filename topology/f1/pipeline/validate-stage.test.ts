import { afterEach, describe, expect, it } from 'vitest'
import type { Windowed } from '../../../stores/api.ts'
import { Serdes } from '../../serdes.ts'
import { TopologyTestDriver } from '../../test-driver/index.ts'
import { F1Topics } from '../topics.ts'
import { QuarantineHeaders } from './quarantine-processor.ts'
import { F1Stores } from './store-names.ts'
import { CAR44, dynamics, powerUnit } from './testing/samples.ts'
import { buildF1Topology } from './topology.ts'
import type { ValidationCounts } from './validation-rate.ts'

const enc = new TextEncoder()
const json = (v: unknown) => enc.encode(JSON.stringify(v))
let driver: TopologyTestDriver

afterEach(async () => {
  await driver.close()
})

function start() {
  driver = new TopologyTestDriver(buildF1Topology({ stores: { type: 'memory' } }))
  return {
    raw: driver.createInputTopic(F1Topics.telemetryRaw.name, Serdes.string(), Serdes.bytes()),
    clean: driver.createOutputTopic(F1Topics.telemetryClean.name, Serdes.string(), Serdes.json()),
    quarantine: driver.createOutputTopic(F1Topics.telemetryQuarantine.name, Serdes.string(), Serdes.bytes()),
  }
}

const malformed: Array<[string, Uint8Array, string, string]> = [
  ['bad JSON', enc.encode('{"channel": "dynamics", '), 'malformed', '(root)'],
  ['NaN', enc.encode('{"speed": NaN}'), 'malformed', '(root)'],
  ['not an object', json([1, 2, 3]), 'malformed', '(root)'],
  ['empty', new Uint8Array(0), 'empty', '(root)'],
  ['huge payload', json({ ...dynamics(1), pad: 'x'.repeat(70_000) }), 'payload_too_large', '(root)'],
  ['wrong type', json({ ...dynamics(1), speed: 'fast' }), 'wrong_type', 'speed'],
  ['out of range', json(dynamics(1, { throttle: 1.7 })), 'out_of_range', 'throttle'],
  ['negative speed', json(dynamics(1, { speed: -3 })), 'out_of_range', 'speed'],
  ['infinite', enc.encode(JSON.stringify(powerUnit(1)).replace('"rpm":10000', '"rpm":1e999')), 'wrong_type', 'rpm'],
  ['unknown field', json({ ...dynamics(1), turbo: true }), 'unknown_field', 'turbo'],
  ['missing field', json({ ...dynamics(1), gear: undefined }), 'missing_field', 'gear'],
  ['unknown channel', json({ ...dynamics(1), channel: 'warp-drive' }), 'unknown_channel', 'channel'],
]

describe('validate and normalize (raw -> clean | quarantine)', () => {
  it('quarantines every malformed record unchanged with a reason and field, and loses nothing else', async () => {
    const { raw, clean, quarantine } = start()
    for (const [i, [, bytes]] of malformed.entries()) await raw.pipeInput(CAR44, bytes, 1_000 + 10 * i)
    await raw.pipeInput(CAR44, json(dynamics(5_000)), 5_000)
    await raw.pipeInput('other:1', json(powerUnit(5_010)), 5_010)
    await raw.pipeInput(CAR44, json(powerUnit(5_020)), 5_020)
    const out = quarantine.readRecordsToList()
    expect(out.map((r) => [r.headers[QuarantineHeaders.reason], r.headers[QuarantineHeaders.field]])).toEqual([
      ...malformed.map(([, , reason, field]) => [reason, field]),
      ['key_mismatch', '(key)'],
    ])
    for (const [i, [name, bytes]] of malformed.entries()) expect(out[i]!.value, name).toEqual(bytes)
    expect(clean.readValuesToList()).toEqual([dynamics(5_000), powerUnit(5_020)])
    const store = await driver.getWindowStore<string, { value: ValidationCounts }>(F1Stores.validationRate)
    const rows: Array<{ key: Windowed<string>; value: { value: ValidationCounts } }> = []
    for await (const row of store.all()) rows.push(row)
    expect(rows.map((r) => [r.key.key, r.key.window.start, r.value.value])).toEqual([
      ['other:1', 0, { total: 1, clean: 0, quarantined: 1, byReason: { key_mismatch: 1 } }],
      [
        CAR44,
        0,
        {
          total: 14,
          clean: 2,
          quarantined: 12,
          byReason: {
            malformed: 3,
            empty: 1,
            payload_too_large: 1,
            wrong_type: 2,
            out_of_range: 2,
            unknown_field: 1,
            missing_field: 1,
            unknown_channel: 1,
          },
        },
      ],
    ])
    expect(driver.metrics().get('f1-quarantine-headers.f1.quarantined.malformed')).toBe(3)
  })

  it('normalizes types across sources: ISO and fractional timestamps, numeric session keys, digit strings', async () => {
    const { raw, clean } = start()
    const openf1 = {
      ...dynamics(0),
      sessionKey: 9158,
      carNumber: '44',
      gear: '7',
      source: 'openf1',
      timestamp: '2025-07-06T14:00:00.250Z',
    }
    await raw.pipeInput('9158:44', json(openf1), 1)
    await raw.pipeInput(CAR44, json({ ...dynamics(0), timestamp: 1_500.6, channel: 'Dynamics' }), 2)
    expect(clean.readValuesToList()).toEqual([
      { ...dynamics(Date.UTC(2025, 6, 6, 14, 0, 0, 250)), sessionKey: '9158', gear: 7, source: 'openf1' },
      dynamics(1_501),
    ])
  })

  it('writes a valid record as it came unless it was normalized or names a key twice', async () => {
    driver = new TopologyTestDriver(buildF1Topology({ stores: { type: 'memory' } }))
    const raw = driver.createInputTopic(F1Topics.telemetryRaw.name, Serdes.string(), Serdes.bytes())
    const clean = driver.createOutputTopic(F1Topics.telemetryClean.name, Serdes.string(), Serdes.bytes())
    const text = (v: unknown) => JSON.stringify(v)
    const asSent = ` ${text({ ...dynamics(1), speed: 100 })}`.trim().replace('"speed":100', '"speed" : 1e2')
    await raw.pipeInput(CAR44, enc.encode(asSent), 1)
    // JSON.parse keeps the second speed; a reader that keeps the first must not see 400
    const twice = text(dynamics(2)).replace('{', '{"speed":400,')
    await raw.pipeInput(CAR44, enc.encode(twice), 2)
    await raw.pipeInput(CAR44, enc.encode(text({ ...dynamics(3), channel: 'DYNAMICS' })), 3)
    await raw.pipeInput(CAR44, enc.encode(`\ufeff${text(dynamics(4))}`), 4)
    const out = clean.readValuesToList().map((b) => new TextDecoder().decode(b))
    expect(out).toEqual([asSent, text(dynamics(2)), text(dynamics(3)), text(dynamics(4))])
  })
})
