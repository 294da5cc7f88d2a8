import { describe, expect, it } from 'vitest'
import { createLogger } from './logger.ts'

const fixed = () => new Date('2026-05-24T13:05:09.123Z')

describe('createLogger', () => {
  it('writes JSON lines with level, name, message and fields', () => {
    const lines: string[] = []
    const log = createLogger({ name: 'worker', format: 'json', write: (l) => lines.push(l), now: fixed })
    log.info('task started', { task: '0_1', offset: 12n })
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      {
        time: '2026-05-24T13:05:09.123Z',
        level: 'info',
        name: 'worker',
        msg: 'task started',
        task: '0_1',
        offset: '12',
      },
    ])
  })

  it('drops lines below its level', () => {
    const lines: string[] = []
    const log = createLogger({ level: 'warn', format: 'json', write: (l) => lines.push(l) })
    log.debug('a')
    log.info('b')
    log.warn('c')
    log.error('d')
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['c', 'd'])
  })

  it('binds fields in child loggers and serialises errors', () => {
    const lines: string[] = []
    const log = createLogger({ format: 'json', write: (l) => lines.push(l) }).child({ task: '1_0' })
    log.error('commit failed', { error: new Error('fenced') })
    expect(JSON.parse(lines[0]!)).toMatchObject({ task: '1_0', error: { name: 'Error', message: 'fenced' } })
  })

  it('prints a readable line in pretty format', () => {
    const lines: string[] = []
    const log = createLogger({ name: 'api', format: 'pretty', write: (l) => lines.push(l), now: fixed })
    log.warn('slow query', { ms: 812, path: '/laps' })
    expect(lines).toEqual(['13:05:09.123 WARN  [api] slow query ms=812 path=/laps'])
  })
})
