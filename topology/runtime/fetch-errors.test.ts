import { describe, expect, it } from 'vitest'
import { isPitwallError } from '../../core/errors.ts'
import { classifyFetchError, FetchRetries, fetchError } from './fetch-errors.ts'

describe('classifyFetchError', () => {
  it.each([
    [3, 'UNKNOWN_TOPIC_OR_PARTITION'],
    [5, 'LEADER_NOT_AVAILABLE'],
    [6, 'NOT_LEADER_OR_FOLLOWER'],
    [9, 'REPLICA_NOT_AVAILABLE'],
    [56, 'KAFKA_STORAGE_ERROR'],
    [74, 'FENCED_LEADER_EPOCH'],
    [75, 'UNKNOWN_LEADER_EPOCH'],
    [100, 'UNKNOWN_TOPIC_ID'],
  ])('retries %i (%s) after a metadata refresh', (code, name) => {
    expect(classifyFetchError(code)).toEqual({ name, retriable: true })
  })

  it.each([
    [2, 'CORRUPT_MESSAGE'],
    [29, 'TOPIC_AUTHORIZATION_FAILED'],
    [31, 'CLUSTER_AUTHORIZATION_FAILED'],
    [35, 'UNSUPPORTED_VERSION'],
  ])('does not retry %i (%s)', (code, name) => {
    expect(classifyFetchError(code)).toEqual({ name, retriable: false })
  })

  it('names a code the client does not know and does not retry it', () => {
    expect(classifyFetchError(9999)).toEqual({ name: 'UNKNOWN_CODE_9999', retriable: false })
  })
})

describe('fetchError', () => {
  it('is a FETCH PitwallError naming the topic, partition and protocol error', () => {
    const error = fetchError('telemetry', 3, 29)
    expect(isPitwallError(error, 'PITWALL_FETCH')).toBe(true)
    expect(error.message).toMatch(/^fetching telemetry-3 failed: TOPIC_AUTHORIZATION_FAILED \(error code 29\)/)
    expect(error.details).toMatchObject({ topic: 'telemetry', partition: 3, errorCode: 29 })
  })
})

describe('FetchRetries', () => {
  it('backs a partition off for 100 ms doubling to 2 s, and forgets it after a success', () => {
    const retries = new FetchRetries()
    const waits: number[] = []
    for (let i = 0; i < 7; i++) {
      retries.failed('in:0', 1_000)
      waits.push(retries.waitMs('in:0', 1_000))
    }
    expect(waits).toEqual([100, 200, 400, 800, 1_600, 2_000, 2_000])
    expect(retries.ready('in:0', 2_999)).toBe(false)
    expect(retries.ready('in:0', 3_000)).toBe(true)
    expect(retries.ready('in:1', 1_000)).toBe(true)
    retries.succeeded('in:0')
    expect(retries.failed('in:0', 5_000)).toBe(1)
    expect(retries.waitMs('in:0', 5_000)).toBe(100)
  })
})
