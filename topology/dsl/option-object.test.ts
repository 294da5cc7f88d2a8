import { describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../core/errors.ts'
import { Serdes } from '../serdes.ts'
import { Consumed } from './consumed.ts'
import { Grouped } from './grouped.ts'
import { Joined } from './joined.ts'
import { Produced } from './produced.ts'
import { Repartitioned } from './repartitioned.ts'
import { StreamJoined } from './stream-joined.ts'

const str = Serdes.string()
const num = Serdes.double()

describe('option objects', () => {
  it('with* returns a changed copy of the same class and leaves the original alone', () => {
    const base = Produced.with(str, num)
    const named = base
      .withName('sink')
      .withKeySerde(str)
      .withStreamPartitioner(() => 0)
    expect(named).toBeInstanceOf(Produced)
    expect(named).not.toBe(base)
    expect(named).toMatchObject({ name: 'sink', keySerde: str, valueSerde: num })
    expect(named.partitioner).toBeTypeOf('function')
    expect(base.name).toBeUndefined()
    expect(base.partitioner).toBeUndefined()
    const grouped = Grouped.as<string, number>('by-car').withValueSerde(num)
    expect(grouped).toBeInstanceOf(Grouped)
    expect(grouped).toMatchObject({ name: 'by-car', keySerde: undefined, valueSerde: num })
    const repartitioned = Repartitioned.as<string, number>('r').withNumberOfPartitions(3).withKeySerde(str)
    expect(repartitioned).toMatchObject({ name: 'r', numberOfPartitions: 3, keySerde: str })
  })

  it('Consumed retypes its serdes and keeps the timestamp extractor', () => {
    const extractor = () => 5
    const consumed = Consumed.as<unknown, unknown>('src').withTimestampExtractor(extractor).withKeySerde(str)
    expect(consumed).toBeInstanceOf(Consumed)
    expect(consumed).toMatchObject({ name: 'src', keySerde: str, timestampExtractor: extractor })
  })

  it('frozen options stay frozen through copies', () => {
    const joined = StreamJoined.with<string, number, number>()
      .withName('j')
      .withLoggingDisabled()
      .withOtherValueSerde(num)
    expect(Object.isFrozen(joined)).toBe(true)
    expect(joined).toBeInstanceOf(StreamJoined)
    expect(joined).toMatchObject({ name: 'j', loggingEnabled: false, topicConfig: {}, otherValueSerde: num })
    expect(Joined.as<string, number, string>('lookup').withValueSerde(num).withOtherValueSerde(str)).toMatchObject({
      name: 'lookup',
      valueSerde: num,
      otherValueSerde: str,
    })
  })

  it('withName validates the name and names the class in the error', () => {
    expect(() => Grouped.with(str, num).withName('bad name')).toThrow(
      expect.objectContaining({
        code: ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
        message: expect.stringContaining('Grouped.withName()'),
      }),
    )
    expect(() => Consumed.with(str, num).withName('')).toThrow(/Consumed\.withName\(\)/)
  })
})
