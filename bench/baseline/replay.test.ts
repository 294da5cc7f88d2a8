import { describe, expect, it } from 'vitest'
import { Replay } from './replay.ts'

describe('Replay', () => {
  it('seeks back span records on the first batch after a join and suppresses outputs until the resume offset', () => {
    const r = new Replay(1000)
    r.assigned([0, 1])
    expect(r.onBatch(0, 5000n)).toEqual({ kind: 'seek', offset: 4000n })
    expect(r.onBatch(0, 5000n)).toEqual({ kind: 'stale' })
    expect(r.onBatch(0, 4000n)).toEqual({ kind: 'process' })
    expect(r.suppressed(0, 4000n)).toBe(true)
    expect(r.suppressed(0, 4999n)).toBe(true)
    expect(r.suppressed(0, 5000n)).toBe(false)
    expect(r.onBatch(0, 5200n)).toEqual({ kind: 'process' })
  })

  it('needs no replay from offset 0, clamps the seek at 0, and a stateless topology never replays', () => {
    const r = new Replay(1000)
    r.assigned([0, 1])
    expect(r.onBatch(0, 0n)).toEqual({ kind: 'process' })
    expect(r.suppressed(0, 0n)).toBe(false)
    expect(r.onBatch(1, 300n)).toEqual({ kind: 'seek', offset: 0n })
    const stateless = new Replay(0)
    stateless.assigned([0])
    expect(stateless.onBatch(0, 5000n)).toEqual({ kind: 'process' })
    expect(stateless.suppressed(0, 10n)).toBe(false)
  })

  it('starts over at every join: kept partitions replay again, revoked ones are forgotten', () => {
    const r = new Replay(100)
    r.assigned([0, 1])
    r.onBatch(0, 0n)
    r.onBatch(1, 0n)
    r.assigned([0])
    expect(r.onBatch(0, 700n)).toEqual({ kind: 'seek', offset: 600n })
    expect(r.onBatch(1, 900n)).toEqual({ kind: 'process' })
    expect(r.suppressed(1, 10n)).toBe(false)
  })
})
