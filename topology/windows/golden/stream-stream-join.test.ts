import { describe, expect, it } from 'vitest'
import {
  Consumed,
  JoinWindows,
  Produced,
  Serdes,
  StreamJoined,
  type StreamsBuilder,
  type TopologyTestDriver,
} from '../../index.ts'
import { drive, lines } from './driver-harness.ts'

const str = Serdes.string()
const joiner = (l: string | null, r: string | null) => `${l}+${r}`

type Kind = 'join' | 'leftJoin' | 'outerJoin'

function joinTopology(kind: Kind, windows: JoinWindows) {
  return (b: StreamsBuilder) => {
    const left = b.stream('left', Consumed.with(str, str))
    const right = b.stream('right', Consumed.with(str, str))
    const sj = StreamJoined.with(str, str, str)
    const joined =
      kind === 'join'
        ? left.join(right, joiner, windows, sj)
        : kind === 'leftJoin'
          ? left.leftJoin(right, joiner, windows, sj)
          : left.outerJoin(right, joiner, windows, sj)
    joined.to('joined', Produced.with(str, str))
  }
}

function io(d: TopologyTestDriver) {
  const left = d.createInputTopic('left', str, str)
  const right = d.createInputTopic('right', str, str)
  const out = d.createOutputTopic('joined', str, str)
  return { left, right, read: () => lines(out.readRecordsToList()) }
}

describe('KStream-KStream joins through the driver', () => {
  it.each(['leveldb', 'memory'] as const)(
    'inner join: every pair within the window, with the larger timestamp (%s)',
    async (type) => {
      const d = drive(joinTopology('join', JoinWindows.ofTimeDifferenceAndGrace(100, 0)), type)
      const { left, right, read } = io(d)
      await left.pipeInput('0', 'A0', 0)
      await left.pipeInput('1', 'A1', 0)
      expect(read()).toEqual([])
      await right.pipeInput('0', 'a0', 50)
      await right.pipeInput('1', 'a1', 101) // outside A1's window [-100, 100]
      expect(read()).toEqual(['0:A0+a0@50'])
      await left.pipeInput('0', 'B0', 150)
      await right.pipeInput('0', 'b0', 60)
      expect(read()).toEqual(['0:B0+a0@150', '0:A0+b0@60', '0:B0+b0@150'])
    },
  )

  it('outer join with duplicates (KStreamKStreamOuterJoinTest.testOuterJoinDuplicates)', async () => {
    const d = drive(joinTopology('outerJoin', JoinWindows.ofTimeDifferenceAndGrace(100, 10)))
    const { left, right, read } = io(d)
    await left.pipeInput('0', 'A0', 0)
    await left.pipeInput('0', 'A0-0', 0)
    await right.pipeInput('1', 'a1', 0)
    await right.pipeInput('1', 'a1-0', 0)
    await right.pipeInput('1', 'a0', 111)
    expect(read()).toEqual(['1:null+a1@0', '1:null+a1-0@0', '0:A0+null@0', '0:A0-0+null@0'])
    await left.pipeInput('2', 'A2', 200)
    await left.pipeInput('2', 'A2-0', 200)
    await right.pipeInput('2', 'a2', 201)
    await right.pipeInput('2', 'a2-0', 201)
    expect(read()).toEqual(['2:A2+a2@201', '2:A2-0+a2@201', '2:A2+a2-0@201', '2:A2-0+a2-0@201'])
    await right.pipeInput('3', 'a3', 315)
    expect(read()).toEqual(['1:null+a0@111'])
  })

  it.each(['left', 'right'] as const)(
    'outer join: expired unmatched left records are emitted by a %s record advancing stream time',
    async (side) => {
      const d = drive(joinTopology('outerJoin', JoinWindows.ofTimeDifferenceWithNoGrace(100)))
      const { left, right, read } = io(d)
      await left.pipeInput('0', 'A0', 1)
      await left.pipeInput('1', 'A1', 2)
      await left.pipeInput('0', 'A0-0', 3)
      expect(read()).toEqual([])
      await right.pipeInput('1', 'a1', 3)
      expect(read()).toEqual(['1:A1+a1@3'])
      await (side === 'left' ? left : right).pipeInput('2', 'dummy', 401)
      expect(read()).toEqual(['0:A0+null@1', '0:A0-0+null@3'])
      await (side === 'left' ? right : left).pipeInput('2', 'dummy', 402)
      expect(read()).toEqual(['2:dummy+dummy@402'])
    },
  )

  it('left join: unmatched left records only after the window closes (after + grace), never unmatched right records', async () => {
    const d = drive(joinTopology('leftJoin', JoinWindows.ofTimeDifferenceAndGrace(10, 5)))
    const { left, right, read } = io(d)
    await left.pipeInput('k', 'L1', 100)
    await right.pipeInput('x', 'r1', 100)
    await left.pipeInput('j', 'L2', 103)
    expect(read()).toEqual([])
    await right.pipeInput('j', 'r2', 110) // joins L2; stream time 110 < 100 + 10 + 5
    expect(read()).toEqual(['j:L2+r2@110'])
    await right.pipeInput('y', 'r3', 115) // 100 + 10 + 5 = 115: L1's window is still open
    expect(read()).toEqual([])
    await right.pipeInput('y', 'r4', 116)
    expect(read()).toEqual(['k:L1+null@100'])
    await left.pipeInput('z', 'late', 50) // already outside its window at stream time 116: emitted at once
    expect(read()).toEqual(['z:late+null@50'])
  })

  it('asymmetric windows: before(0) joins only right records at or after the left record', async () => {
    const d = drive(joinTopology('join', JoinWindows.ofTimeDifferenceAndGrace(10, 100).before(0)))
    const { left, right, read } = io(d)
    await right.pipeInput('k', 'early', 95)
    await left.pipeInput('k', 'L', 100)
    await right.pipeInput('k', 'on-time', 100)
    await right.pipeInput('k', 'later', 110)
    await right.pipeInput('k', 'too-late', 111)
    expect(read()).toEqual(['k:L+on-time@100', 'k:L+later@110'])
  })

  it('names processors and stores after StreamJoined', () => {
    const d = drive((b) => {
      const left = b.stream('left', Consumed.with(str, str))
      const right = b.stream('right', Consumed.with(str, str))
      left
        .outerJoin(
          right,
          joiner,
          JoinWindows.ofTimeDifferenceWithNoGrace(5),
          StreamJoined.as<string, string, string>('pit').withStoreName('pit-stores'),
        )
        .to('joined')
    })
    return Promise.all(
      ['pit-stores-this-join-store', 'pit-stores-other-join-store', 'pit-stores-outer-shared-join-store'].map((n) =>
        d.getStateStore(n),
      ),
    )
  })
})
