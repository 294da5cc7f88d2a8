import { describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../../core/errors.ts'
import { Stores } from '../../../stores/index.ts'
import { Consumed, Grouped, Materialized, Named, Repartitioned, Serdes, StreamsBuilder } from '../../index.ts'

const str = Serdes.string()

function source(b = new StreamsBuilder()) {
  return { b, s: b.stream('in', Consumed.with(str, str)) }
}

describe('DSL misuse names the argument', () => {
  it.each([
    ['filter(): predicate must be a function', (s: any) => s.filter(null)],
    ['filterNot(): predicate must be a function', (s: any) => s.filterNot('x')],
    ['map(): mapper must be a function', (s: any) => s.map(undefined)],
    ['mapValues(): mapper must be a function', (s: any) => s.mapValues(1)],
    ['flatMap(): mapper must be a function', (s: any) => s.flatMap({})],
    ['selectKey(): mapper must be a function', (s: any) => s.selectKey()],
    ['peek(): action must be a function', (s: any) => s.peek(null)],
    ['foreach(): action must be a function', (s: any) => s.foreach(null)],
    ['to(): topic must be a non-empty string', (s: any) => s.to('')],
    ['groupBy(): selector must be a function', (s: any) => s.groupBy(null)],
    ['process(): supplier must be a function', (s: any) => s.process(null)],
    ['merge(): other must be a KStream', (s: any) => s.merge({})],
    ['join(): table must be a KTable', (s: any) => s.join({}, () => 1)],
    ['filter(): named must be a Named', (s: any) => s.filter(() => true, 'name')],
    ['reduce(): reducer must be a function', (s: any) => s.groupByKey().reduce(null)],
    ['aggregate(): aggregator must be a function', (s: any) => s.groupByKey().aggregate(() => 0, null)],
  ])('%s', (message, misuse) => {
    const { s } = source()
    expect(() => misuse(s)).toThrow(
      expect.objectContaining({
        code: ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
        message: expect.stringContaining(message),
      }),
    )
  })

  it('rejects bad names, topics and partition counts', () => {
    expect(() => Named.as('has space')).toThrow(/Named.as\(\): name must be/)
    expect(() => Repartitioned.as<string, string>('x').withNumberOfPartitions(0)).toThrow(
      /numberOfPartitions must be a positive integer/,
    )
    expect(() => new StreamsBuilder().stream([])).toThrow(/stream\(\): topics must be a non-empty string/)
  })

  it('ending a split twice is refused', () => {
    const split = source().s.split()
    split.noDefaultBranch()
    expect(() => split.branch(() => true)).toThrow(/branch\(\): the split already ended/)
  })
})

describe('names', () => {
  it('generates stable Kafka-style names', () => {
    const describeOnce = () => {
      const { b, s } = source()
      s.filter(() => true)
        .mapValues((v) => v)
        .to('out')
      return JSON.stringify(b.build().describe())
    }
    expect(describeOnce()).toBe(describeOnce())
    expect(describeOnce()).toContain('KSTREAM-FILTER-0000000001')
  })

  it.each([
    [
      'processor',
      (_b: StreamsBuilder, s: any) => s.filter(() => true, Named.as('x')).mapValues((v: string) => v, Named.as('x')),
    ],
    [
      'store',
      (b: StreamsBuilder, s: any) => {
        s.groupByKey().count(Materialized.as('counts'))
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('counts'), str, str))
      },
    ],
    [
      'repartition topic',
      (_b: StreamsBuilder, s: any) => {
        s.repartition(Repartitioned.as('r'))
        s.repartition(Repartitioned.as('r'))
      },
    ],
    ['source', (b: StreamsBuilder) => b.stream('other', Consumed.as('KSTREAM-SOURCE-0000000000'))],
  ])('refuses a reused %s name', (_what, reuse) => {
    const { b, s } = source()
    expect(() => reuse(b, s)).toThrow(expect.objectContaining({ code: ErrorCodes.TOPOLOGY_DUPLICATE_NAME }))
  })

  it('refuses reading a topic twice and unknown stores at build', () => {
    const { b } = source()
    b.stream('in')
    expect(() => b.build().runnable()).toThrow(/topic 'in' is read by both/)
    const other = source()
    other.s.process(() => ({ process: () => {} }), 'nope')
    expect(() => other.b.build().describe()).toThrow(/uses store 'nope', which was never added/)
  })

  it('Grouped.as names the repartition topic and its nodes', () => {
    const { b, s } = source()
    s.selectKey((_k, v) => v)
      .groupByKey(Grouped.as('by-value'))
      .count(Materialized.as('c'))
    const text = b.build().describe().toString()
    expect(text).toContain('Sink: by-value-repartition-sink (topic: by-value-repartition)')
    expect(text).toContain('Source: by-value-repartition-source (topics: [by-value-repartition])')
  })
})
