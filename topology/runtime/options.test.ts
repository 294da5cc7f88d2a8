import { describe, expect, it } from 'vitest'
import { ErrorCodes, isPitwallError } from '../../core/errors.ts'
import { resolveOptions } from './options.ts'

const base = { applicationId: 'app', brokers: ['127.0.0.1:19092'] }

describe('resolveOptions lingerMs', () => {
  it('defaults to 5 ms like Kafka 4 and keeps a given value', () => {
    expect(resolveOptions(base).lingerMs).toBe(5)
    expect(resolveOptions({ ...base, lingerMs: 0 }).lingerMs).toBe(0)
    expect(resolveOptions({ ...base, lingerMs: 20 }).lingerMs).toBe(20)
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number])('rejects %s', (lingerMs) => {
    let error: unknown
    try {
      resolveOptions({ ...base, lingerMs })
    } catch (e) {
      error = e
    }
    expect(isPitwallError(error, ErrorCodes.CONFIG_INVALID)).toBe(true)
    expect(String((error as Error).message)).toContain('lingerMs')
  })
})
