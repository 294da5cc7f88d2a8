import { MultipleErrors, NetworkError, ResponseError, TimeoutError } from '@platformatic/kafka'
import { describe, expect, it } from 'vitest'
import {
  BUSY_RETRY_MS,
  isCoordinatorBusy,
  MAX_BACKOFF_MS,
  retryWhileBusy,
  transactionalRetryDelay,
} from './txn-retry.ts'

/** A response error as the client builds it (API 24 = AddPartitionsToTxn), with Kafka error codes. */
const response = (...codes: number[]) =>
  new ResponseError(24, 4, Object.fromEntries(codes.map((c, i) => [`/results/${i}`, [c, null]])), {})
const CONCURRENT_TRANSACTIONS = 51
const COORDINATOR_LOAD_IN_PROGRESS = 14
const NOT_COORDINATOR = 16
const INVALID_PRODUCER_EPOCH = 47
const afterRetries = (...errors: Error[]) => new MultipleErrors(`failed ${errors.length} times.`, errors)

describe('isCoordinatorBusy', () => {
  it.each([
    ['CONCURRENT_TRANSACTIONS', response(CONCURRENT_TRANSACTIONS)],
    ['COORDINATOR_LOAD_IN_PROGRESS', response(COORDINATOR_LOAD_IN_PROGRESS)],
    ['NOT_COORDINATOR', response(NOT_COORDINATOR)],
    ['the client giving up after its retries', afterRetries(response(51), response(51), response(14))],
  ])('is true for %s', (_name, error) => {
    expect(isCoordinatorBusy(error)).toBe(true)
  })

  it.each([
    ['a fenced producer', response(INVALID_PRODUCER_EPOCH)],
    ['busy mixed with fencing', response(CONCURRENT_TRANSACTIONS, INVALID_PRODUCER_EPOCH)],
    ['a network error', new NetworkError('Connection closed')],
    ['a timeout', new TimeoutError('Request timed out')],
    ['busy after a network error', afterRetries(new NetworkError('Connection closed'), response(51))],
    ['a plain error', new Error('boom')],
  ])('is false for %s', (_name, error) => {
    expect(isCoordinatorBusy(error)).toBe(false)
  })

  it('accepts another set of codes', () => {
    expect(isCoordinatorBusy(response(NOT_COORDINATOR), ['CONCURRENT_TRANSACTIONS'])).toBe(false)
    expect(isCoordinatorBusy(response(CONCURRENT_TRANSACTIONS), ['CONCURRENT_TRANSACTIONS'])).toBe(true)
  })
})

describe('transactionalRetryDelay', () => {
  it('retries a busy coordinator after a short fixed delay, whatever the attempt', () => {
    for (const attempt of [1, 2, 5, 50]) expect(transactionalRetryDelay(attempt, response(51))).toBe(BUSY_RETRY_MS)
  })

  it('backs off exponentially from 100 ms to 1 s for network errors', () => {
    const delays = [1, 2, 3, 4, 5, 6].map((a) => transactionalRetryDelay(a, new NetworkError('down')))
    expect(delays).toEqual([100, 200, 400, 800, MAX_BACKOFF_MS, MAX_BACKOFF_MS])
  })
})

/** A virtual clock: sleeping advances it. */
function clock() {
  let t = 0
  const slept: number[] = []
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms)
      t += ms
    },
    slept,
  }
}

describe('retryWhileBusy', () => {
  it('retries busy errors every 20 ms until the operation succeeds', async () => {
    const c = clock()
    let calls = 0
    const retried: number[] = []
    const result = await retryWhileBusy(
      async () => {
        if (++calls < 4) throw response(CONCURRENT_TRANSACTIONS)
        return 'ok'
      },
      { deadlineMs: 1_000, ...c, onRetry: (attempt) => retried.push(attempt) },
    )
    expect(result).toBe('ok')
    expect(calls).toBe(4)
    expect(c.slept).toEqual([20, 20, 20])
    expect(retried).toEqual([1, 2, 3])
  })

  it('gives up with the last error once the deadline would pass', async () => {
    const c = clock()
    let calls = 0
    const last = response(CONCURRENT_TRANSACTIONS)
    await expect(
      retryWhileBusy(
        async () => {
          calls++
          throw last
        },
        { deadlineMs: 100, ...c },
      ),
    ).rejects.toBe(last)
    expect(c.now()).toBeLessThanOrEqual(100)
    expect(calls).toBe(6) // at 0, 20, 40, 60, 80 and 100 ms
  })

  it('throws any other error at once', async () => {
    const c = clock()
    const fenced = response(INVALID_PRODUCER_EPOCH)
    let calls = 0
    const failing = async () => {
      calls++
      throw fenced
    }
    await expect(retryWhileBusy(failing, { deadlineMs: 10_000, ...c })).rejects.toBe(fenced)
    await expect(retryWhileBusy(failing, { deadlineMs: 10_000, ...c, codes: ['NOT_COORDINATOR'] })).rejects.toBe(fenced)
    expect(calls).toBe(2)
    expect(c.slept).toEqual([])
  })

  it('does not retry a network error (the client already backed off)', async () => {
    const c = clock()
    const down = afterRetries(new NetworkError('Connection closed'), new NetworkError('Connection closed'))
    await expect(
      retryWhileBusy(
        async () => {
          throw down
        },
        { deadlineMs: 10_000, ...c },
      ),
    ).rejects.toBe(down)
    expect(c.slept).toEqual([])
  })

  it('runs beforeRetry between attempts', async () => {
    const c = clock()
    const events: string[] = []
    let calls = 0
    await retryWhileBusy(
      async () => {
        events.push('attempt')
        if (++calls < 3) throw response(COORDINATOR_LOAD_IN_PROGRESS)
      },
      { deadlineMs: 1_000, ...c, beforeRetry: () => events.push('reset') },
    )
    expect(events).toEqual(['attempt', 'reset', 'attempt', 'reset', 'attempt'])
  })
})
