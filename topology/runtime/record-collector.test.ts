import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BufferedCollector, type OutgoingMessage } from './record-collector.ts'

/** A sink whose sends complete only when the test says so. */
function manualSink() {
  const calls: { values: string[]; done: () => void; fail: (e: Error) => void }[] = []
  const sink = (messages: OutgoingMessage[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({ values: messages.map((m) => m.value!.toString()), done: resolve, fail: reject })
    })
  return { calls, sink }
}

const record = (value: string) => ({ key: Buffer.from('k'), value: Buffer.from(value), timestamp: 0, headers: {} })
const settle = () => vi.advanceTimersByTimeAsync(0)

describe('BufferedCollector linger', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends buffered records once the oldest has waited lingerMs, without a flush', async () => {
    const c = new BufferedCollector(() => 3)
    const { calls, sink } = manualSink()
    c.send('out', record('a'))
    await vi.advanceTimersByTimeAsync(2)
    c.send('out', record('b'))
    await c.linger(sink, 5)
    await vi.advanceTimersByTimeAsync(2)
    expect(calls).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls.map((x) => x.values)).toEqual([['a', 'b']])
    expect(c.size).toBe(0)
  })

  it('sends at once when the oldest record has already lingered long enough', async () => {
    const c = new BufferedCollector(() => 3)
    const { calls, sink } = manualSink()
    c.send('out', record('a'))
    await vi.advanceTimersByTimeAsync(10)
    await c.linger(sink, 5)
    await settle()
    expect(calls.map((x) => x.values)).toEqual([['a']])
  })

  it('keeps one send in flight: records buffered meanwhile go out together, in order, when it completes', async () => {
    const c = new BufferedCollector(() => 3)
    const { calls, sink } = manualSink()
    c.send('out', record('a'))
    await c.linger(sink, 0)
    await settle()
    expect(calls).toHaveLength(1)
    for (const v of ['b', 'c', 'd']) {
      c.send('out', record(v))
      await c.linger(sink, 5)
      await vi.advanceTimersByTimeAsync(6)
    }
    expect(calls).toHaveLength(1)
    calls[0]!.done()
    await settle()
    expect(calls.map((x) => x.values)).toEqual([['a'], ['b', 'c', 'd']])
    calls[1]!.done()
    await c.flush(sink)
    expect(calls).toHaveLength(2)
  })

  it('does nothing with an empty buffer and cancels the timer on flush and discard', async () => {
    const c = new BufferedCollector(() => 3)
    const { calls, sink } = manualSink()
    await c.linger(sink, 5)
    await vi.advanceTimersByTimeAsync(10)
    expect(calls).toHaveLength(0)
    c.send('out', record('a'))
    await c.linger(sink, 5)
    const flushed = c.flush(sink)
    await settle()
    calls[0]!.done()
    await flushed
    await vi.advanceTimersByTimeAsync(10)
    expect(calls).toHaveLength(1)
    c.send('out', record('dropped'))
    await c.linger(sink, 5)
    await c.discard()
    await vi.advanceTimersByTimeAsync(10)
    expect(calls).toHaveLength(1)
    expect(c.size).toBe(0)
  })

  it('surfaces a failed lingered send at the next linger call, and discard clears it', async () => {
    const c = new BufferedCollector(() => 3)
    const { calls, sink } = manualSink()
    c.send('out', record('a'))
    await c.linger(sink, 0)
    await settle()
    calls[0]!.fail(new Error('broker down'))
    await settle()
    c.send('out', record('b'))
    await expect(c.linger(sink, 5)).rejects.toThrow('broker down')
    await c.discard()
    c.send('out', record('c'))
    await c.linger(sink, 0)
    await settle()
    expect(calls.map((x) => x.values)).toEqual([['a'], ['c']])
  })

  it('sendAhead still queues behind the send in flight (size-triggered batches)', async () => {
    const c = new BufferedCollector(() => 3)
    const { calls, sink } = manualSink()
    c.send('out', record('a'))
    await c.sendAhead(sink)
    c.send('out', record('b'))
    await c.sendAhead(sink)
    await settle()
    expect(calls).toHaveLength(1)
    calls[0]!.done()
    await settle()
    expect(calls.map((x) => x.values)).toEqual([['a'], ['b']])
    calls[1]!.done()
    await c.flush(sink)
  })
})
