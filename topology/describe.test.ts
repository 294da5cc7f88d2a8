import { describe, expect, it } from 'vitest'
import { Consumed, Grouped, Materialized, Produced, Serdes, StreamsBuilder } from './index.ts'

function repartitionTopology() {
  const b = new StreamsBuilder()
  b.stream('laps', Consumed.with(Serdes.string(), Serdes.json<any>()))
    .filter((_k, v) => v.valid)
    .groupBy((_k, v) => v.team, Grouped.with(Serdes.string(), Serdes.json()))
    .count(Materialized.as('laps-per-team'))
    .toStream()
    .to('team-counts', Produced.with(Serdes.string(), Serdes.double()))
  return b.build()
}

describe('Topology.describe()', () => {
  it('prints sub-topologies split at the repartition topic, like Kafka Streams', () => {
    expect(repartitionTopology().describe().toString()).toBe(`Topologies:
   Sub-topology: 0
    Source: KSTREAM-SOURCE-0000000000 (topics: [laps])
      --> KSTREAM-FILTER-0000000001
    Processor: KSTREAM-FILTER-0000000001 (stores: [])
      --> KSTREAM-KEY-SELECT-0000000002
      <-- KSTREAM-SOURCE-0000000000
    Processor: KSTREAM-KEY-SELECT-0000000002 (stores: [])
      --> KSTREAM-FILTER-0000000004
      <-- KSTREAM-FILTER-0000000001
    Processor: KSTREAM-FILTER-0000000004 (stores: [])
      --> KSTREAM-SINK-0000000005
      <-- KSTREAM-KEY-SELECT-0000000002
    Sink: KSTREAM-SINK-0000000005 (topic: laps-per-team-repartition)
      <-- KSTREAM-FILTER-0000000004
   Sub-topology: 1
    Source: KSTREAM-SOURCE-0000000006 (topics: [laps-per-team-repartition])
      --> KSTREAM-AGGREGATE-0000000003
    Processor: KSTREAM-AGGREGATE-0000000003 (stores: [laps-per-team])
      --> KTABLE-TOSTREAM-0000000007
      <-- KSTREAM-SOURCE-0000000006
    Processor: KTABLE-TOSTREAM-0000000007 (stores: [])
      --> KSTREAM-SINK-0000000008
      <-- KSTREAM-AGGREGATE-0000000003
    Sink: KSTREAM-SINK-0000000008 (topic: team-counts)
      <-- KTABLE-TOSTREAM-0000000007
`)
  })

  it('serializes to JSON with the same structure', () => {
    const json = JSON.parse(JSON.stringify(repartitionTopology().describe()))
    expect(json.subtopologies).toHaveLength(2)
    expect(json.subtopologies[0].nodes[0]).toEqual({
      name: 'KSTREAM-SOURCE-0000000000',
      type: 'source',
      topics: ['laps'],
      predecessors: [],
      successors: ['KSTREAM-FILTER-0000000001'],
    })
    expect(json.subtopologies[1].nodes[1]).toEqual({
      name: 'KSTREAM-AGGREGATE-0000000003',
      type: 'processor',
      stores: ['laps-per-team'],
      predecessors: ['KSTREAM-SOURCE-0000000006'],
      successors: ['KTABLE-TOSTREAM-0000000007'],
    })
    expect(json.subtopologies[0].nodes.at(-1)).toMatchObject({ type: 'sink', topic: 'laps-per-team-repartition' })
  })
})
