import { describe, expect, it } from 'vitest'
import type { Logger } from './logger.ts'
import { resolveOptions } from './options.ts'
import { jsonSafe, safeLogger } from './safe-logger.ts'

function jsonLogger(lines: string[]): Logger {
  const write = (level: string) => (m: string, f?: Record<string, unknown>) => {
    lines.push(`${level} ${m} ${JSON.stringify(f)}`)
  }
  return { info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug') }
}

describe('jsonSafe', () => {
  it('turns bigint offsets into numbers, and ones beyond 2^53 into exact strings', () => {
    expect(jsonSafe({ offset: 42n, huge: 2n ** 63n - 1n })).toEqual({ offset: 42, huge: '9223372036854775807' })
  })

  it('converts Maps, Sets, errors, buffers and non-finite numbers, nested', () => {
    const value = {
      positions: new Map([['in', 7n]]),
      tasks: new Set(['0_1']),
      cause: new TypeError('boom'),
      key: Buffer.from('abc'),
      rate: Number.NaN,
      list: [{ at: 3n }],
    }
    expect(jsonSafe(value)).toEqual({
      positions: { in: 7 },
      tasks: ['0_1'],
      cause: { name: 'TypeError', message: 'boom' },
      key: '<3 bytes>',
      rate: 'NaN',
      list: [{ at: 3 }],
    })
  })

  it('cuts cycles instead of recursing forever', () => {
    const a: Record<string, unknown> = { n: 1n }
    a.self = a
    expect(jsonSafe(a)).toEqual({ n: 1, self: '[...]' })
  })
})

describe('safeLogger', () => {
  it('lets a JSON.stringify logger log the bigint fields the runtime logs', () => {
    const lines: string[] = []
    const raw = jsonLogger(lines)
    expect(() => raw.info('task 0_1 created', { positions: { in: 5n } })).toThrow(TypeError)
    const logger = safeLogger(raw)
    logger.info('task 0_1 created', { positions: Object.fromEntries(new Map([['in', 5n]])) })
    logger.warn('no fields')
    expect(lines).toEqual(['info task 0_1 created {"positions":{"in":5}}', 'warn no fields undefined'])
  })

  it('swallows a logger that throws, at every level', () => {
    const throwing = () => {
      throw new Error('logger down')
    }
    const logger = safeLogger({ info: throwing, warn: throwing, error: throwing, debug: throwing })
    for (const level of ['info', 'warn', 'error', 'debug'] as const) {
      expect(() => logger[level]('recovering', { attempt: 1n })).not.toThrow()
    }
  })

  it('is what resolveOptions hands the runtime in place of a user logger', () => {
    const lines: string[] = []
    const o = resolveOptions({ applicationId: 'app', brokers: ['127.0.0.1:1'], logger: jsonLogger(lines) })
    o.logger.error('recovering from: x', { offset: 12n })
    expect(lines).toEqual(['error recovering from: x {"offset":12}'])
  })
})
