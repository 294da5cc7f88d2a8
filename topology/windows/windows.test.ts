import { describe, expect, it } from 'vitest'
import { isPitwallError } from '../../core/errors.ts'
import { Serdes } from '../serdes.ts'
import {
  BufferConfig,
  JoinWindows,
  SessionWindows,
  SlidingWindows,
  Suppressed,
  TimeWindows,
  WindowedSerdes,
} from './index.ts'

const invalid = (fn: () => unknown, pattern: RegExp) => {
  try {
    fn()
  } catch (e) {
    expect(isPitwallError(e, 'PITWALL_TOPOLOGY_INVALID_ARGUMENT')).toBe(true)
    expect((e as Error).message).toMatch(pattern)
    return
  }
  throw new Error('expected an invalid-argument error')
}

describe('window options', () => {
  it('TimeWindows enumerates tumbling and hopping windows aligned to the epoch', () => {
    expect([...TimeWindows.ofSizeWithNoGrace(10).windowsFor(25).values()]).toEqual([{ start: 20, end: 30 }])
    const hopping = TimeWindows.ofSizeAndGrace(10_000, 2_000).advanceBy(1_000)
    const starts = [...hopping.windowsFor(12_345).keys()]
    expect(starts).toEqual([3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000, 11_000, 12_000])
    expect(hopping.graceMs).toBe(2_000)
    expect(hopping.defaultRetentionMs()).toBe(12_000)
    expect([...hopping.windowsFor(500).keys()]).toEqual([0])
  })

  it('rejects bad sizes, advances and graces naming the argument', () => {
    invalid(() => TimeWindows.ofSizeWithNoGrace(0), /TimeWindows.ofSizeWithNoGrace\(\): size/)
    invalid(() => TimeWindows.ofSizeAndGrace(10, -1), /grace/)
    invalid(() => TimeWindows.ofSizeWithNoGrace(10).advanceBy(11), /must not exceed the window size/)
    invalid(() => SlidingWindows.ofTimeDifferenceAndGrace(1.5, 0), /timeDifference/)
    invalid(() => SessionWindows.ofInactivityGapAndGrace(10, Number.NaN), /grace/)
    invalid(() => JoinWindows.ofTimeDifferenceAndGrace(-1, 0), /timeDifference/)
    invalid(() => JoinWindows.ofTimeDifferenceWithNoGrace(5).before(-6), /must not be negative/)
    invalid(() => Suppressed.untilWindowCloses(BufferConfig.maxRecords(5)), /unbounded or shutDownWhenFull/)
  })

  it('JoinWindows can be asymmetric', () => {
    const w = JoinWindows.ofTimeDifferenceAndGrace(5, 1).before(0).after(7)
    expect([w.beforeMs, w.afterMs, w.graceMs, w.sizeMs(), w.retentionMs()]).toEqual([0, 7, 1, 7, 8])
  })

  it('window objects are immutable', () => {
    const w = TimeWindows.ofSizeWithNoGrace(10)
    expect(Object.isFrozen(w)).toBe(true)
    expect(w.advanceBy(5)).not.toBe(w)
    expect(w.advanceMs).toBe(10)
  })
})

describe('WindowedSerdes', () => {
  it('time-windowed keys are <key><start:int64 BE>, like Kafka', () => {
    const serde = WindowedSerdes.timeWindowed(Serdes.string(), 10_000)
    const bytes = serde.serialize('t', { key: 'ab', window: { start: 20_000, end: 30_000 } })!
    expect([...bytes]).toEqual([97, 98, 0, 0, 0, 0, 0, 0, 0x4e, 0x20])
    expect(serde.deserialize('t', bytes)).toEqual({ key: 'ab', window: { start: 20_000, end: 30_000 } })
  })

  it('session-windowed keys are <key><end><start>, like Kafka', () => {
    const serde = WindowedSerdes.sessionWindowed(Serdes.string())
    const bytes = serde.serialize('t', { key: 'a', window: { start: 1, end: 2 } })!
    expect([...bytes]).toEqual([97, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 1])
    expect(serde.deserialize('t', bytes)).toEqual({ key: 'a', window: { start: 1, end: 2 } })
    expect(() => serde.deserialize('t', new Uint8Array(3))).toThrow(/expected at least 16 bytes/)
  })

  it('the JSON form is readable and validated', () => {
    const serde = WindowedSerdes.json<string>()
    const bytes = serde.serialize('t', { key: 'car-44', window: { start: 0, end: 1000 } })!
    expect(new TextDecoder().decode(bytes)).toBe('{"key":"car-44","window":{"start":0,"end":1000}}')
    expect(serde.deserialize('t', bytes)).toEqual({ key: 'car-44', window: { start: 0, end: 1000 } })
    expect(() => serde.deserialize('t', new TextEncoder().encode('{"key":1}'))).toThrow(/window.start/)
  })
})
