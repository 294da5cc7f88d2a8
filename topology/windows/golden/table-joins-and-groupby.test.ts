import { describe, expect, it } from 'vitest'
import { Consumed, Grouped, Materialized, Produced, type Serde, Serdes, type StreamsBuilder } from '../../index.ts'
import { drive, lines } from './driver-harness.ts'

const str = Serdes.string()
const num = Serdes.double()
const json = Serdes.json<any>()
/** Table inputs take null values (deletes). */
const nullableStr = str as Serde<string | null>
const joiner = (l: string | null, r: string | null) => `${l}+${r}`

function tables(kind: 'join' | 'leftJoin' | 'outerJoin') {
  return (b: StreamsBuilder) => {
    const left = b.table('left', Consumed.with(str, str))
    const right = b.table('right', Consumed.with(str, str))
    const joined = left[kind](right, joiner, Materialized.as<string, string>(`${kind}-result`).withValueSerde(str))
    joined.toStream().to('joined', Produced.with(str, str))
    // Counting results per joined value checks that old values retract: each result moves its count.
    joined
      .groupBy((k, v) => ({ key: v, value: k }), Grouped.with(str, str))
      .count()
      .toStream()
      .to('per-value', Produced.with(str, num))
  }
}

describe('KTable-KTable joins through the driver', () => {
  it.each(['leveldb', 'memory'] as const)(
    'inner join emits results and tombstones as either side changes (%s)',
    async (type) => {
      const d = drive(tables('join'), type)
      const left = d.createInputTopic('left', str, nullableStr)
      const right = d.createInputTopic('right', str, nullableStr)
      const out = d.createOutputTopic('joined', str, str)
      await left.pipeInput('k', 'A', 1)
      await right.pipeInput('j', 'b', 2)
      expect(lines(out.readRecordsToList())).toEqual([])
      await right.pipeInput('k', 'a', 3)
      await left.pipeInput('k', 'B', 4)
      await right.pipeInput('k', null, 5)
      await left.pipeInput('k', null, 6)
      expect(lines(out.readRecordsToList())).toEqual(['k:A+a@3', 'k:B+a@4', 'k:null@5'])
      const store = await d.getKeyValueStore<string, string>('join-result')
      expect(await store.get('k')).toBeUndefined()
      const perValue = lines(d.createOutputTopic('per-value', str, num).readRecordsToList())
      expect(perValue).toEqual(['A+a:1@3', 'A+a:0@4', 'B+a:1@4', 'B+a:0@5'])
    },
  )

  it('left join keeps left rows without a partner and retracts the null-joined row when one arrives', async () => {
    const d = drive(tables('leftJoin'))
    const left = d.createInputTopic('left', str, nullableStr)
    const right = d.createInputTopic('right', str, nullableStr)
    await right.pipeInput('k', 'a', 1)
    await left.pipeInput('k', 'A', 2)
    await left.pipeInput('j', 'J', 3)
    await right.pipeInput('j', 'b', 4)
    await right.pipeInput('k', null, 5)
    await left.pipeInput('j', null, 6)
    expect(lines(d.createOutputTopic('joined', str, str).readRecordsToList())).toEqual([
      'k:A+a@2',
      'j:J+null@3',
      'j:J+b@4',
      'k:A+null@5',
      'j:null@6',
    ])
    expect(lines(d.createOutputTopic('per-value', str, num).readRecordsToList())).toEqual([
      'A+a:1@2',
      'J+null:1@3',
      'J+null:0@4',
      'J+b:1@4',
      'A+a:0@5',
      'A+null:1@5',
      'J+b:0@6',
    ])
  })

  it('outer join keeps rows of either side and deletes the row when both are gone', async () => {
    const d = drive(tables('outerJoin'))
    const left = d.createInputTopic('left', str, nullableStr)
    const right = d.createInputTopic('right', str, nullableStr)
    await right.pipeInput('k', 'a', 1)
    await left.pipeInput('k', 'A', 2)
    await right.pipeInput('k', null, 3)
    await left.pipeInput('k', null, 4)
    expect(lines(d.createOutputTopic('joined', str, str).readRecordsToList())).toEqual([
      'k:null+a@1',
      'k:A+a@2',
      'k:A+null@3',
      'k:null@4',
    ])
  })
})

describe('KTable.groupBy with adder and subtractor', () => {
  it.each(['leveldb', 'memory'] as const)(
    'moves a row between groups as a subtraction and an addition (%s)',
    async (type) => {
      const d = drive((b) => {
        b.table('drivers', Consumed.with(str, json))
          .groupBy(
            (_driver, row: { team: string; points: number }) => ({ key: row.team, value: row.points }),
            Grouped.with(str, num),
          )
          .aggregate(
            () => 0,
            (_team, points, sum) => sum + points,
            (_team, points, sum) => sum - points,
            Materialized.as<string, number>('team-points').withValueSerde(num),
          )
          .toStream()
          .to('team-points', Produced.with(str, num))
      }, type)
      const input = d.createInputTopic('drivers', str, json)
      await input.pipeInput('HAM', { team: 'mercedes', points: 10 }, 1)
      await input.pipeInput('RUS', { team: 'mercedes', points: 6 }, 2)
      await input.pipeInput('HAM', { team: 'ferrari', points: 12 }, 3) // moves: -10 from mercedes, +12 to ferrari
      // Same group: -6 then +8, collapsed by the store cache into one update at the commit.
      await input.pipeInput('RUS', { team: 'mercedes', points: 8 }, 4)
      await input.pipeInput('HAM', null, 5) // deleted: -12 from ferrari
      expect(lines(d.createOutputTopic('team-points', str, num).readRecordsToList())).toEqual([
        'mercedes:10@1',
        'mercedes:16@2',
        'mercedes:6@3',
        'ferrari:12@3',
        'mercedes:8@4',
        'ferrari:0@5',
      ])
      const store = await d.getKeyValueStore<string, number>('team-points')
      expect([await store.get('mercedes'), await store.get('ferrari')]).toEqual([8, 0])
    },
  )

  it('without a cache, the subtraction and the addition of one change reach downstream separately', async () => {
    const d = drive((b) => {
      b.table('drivers', Consumed.with(str, json))
        .groupBy(
          (_driver, row: { team: string; points: number }) => ({ key: row.team, value: row.points }),
          Grouped.with(str, num),
        )
        .reduce(
          (a, v) => a + v,
          (a, v) => a - v,
          Materialized.as<string, number>('sum').withValueSerde(num).withCachingDisabled(),
        )
        .toStream()
        .to('sum', Produced.with(str, num))
    })
    const input = d.createInputTopic('drivers', str, json)
    await input.pipeInput('RUS', { team: 'mercedes', points: 6 }, 1)
    await input.pipeInput('RUS', { team: 'mercedes', points: 8 }, 2)
    expect(lines(d.createOutputTopic('sum', str, num).readRecordsToList())).toEqual([
      'mercedes:6@1',
      'mercedes:0@2',
      'mercedes:8@2',
    ])
  })

  it('reduce and count through a repartition topic named after Grouped', async () => {
    const d = drive((b) => {
      const drivers = b.table('drivers', Consumed.with(str, json))
      const byTeam = (_driver: string, row: { team: string; points: number }) => ({ key: row.team, value: row.points })
      drivers
        .groupBy(byTeam, Grouped.as<string, number>('by-team').withKeySerde(str).withValueSerde(num))
        .reduce(
          (a, v) => a + v,
          (a, v) => a - v,
        )
        .toStream()
        .to('reduced', Produced.with(str, num))
      drivers.groupBy(byTeam, Grouped.with(str, num)).count().toStream().to('counted', Produced.with(str, num))
    })
    const input = d.createInputTopic('drivers', str, json)
    await input.pipeInput('HAM', { team: 'mercedes', points: 10 }, 1)
    await input.pipeInput('HAM', { team: 'ferrari', points: 12 }, 2)
    expect(lines(d.createOutputTopic('reduced', str, num).readRecordsToList())).toEqual([
      'mercedes:10@1',
      'mercedes:0@2',
      'ferrari:12@2',
    ])
    expect(lines(d.createOutputTopic('counted', str, num).readRecordsToList())).toEqual([
      'mercedes:1@1',
      'mercedes:0@2',
      'ferrari:1@2',
    ])
    expect(d.producedTopicNames()).toContain('test-app-by-team-repartition')
  })
})
