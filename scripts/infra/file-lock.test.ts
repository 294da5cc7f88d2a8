import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { withFileLock } from './file-lock.ts'

describe('withFileLock', () => {
  it('runs holders one at a time and releases the lock', async () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'pitwall-lock-')), 'x.lock')
    const events: string[] = []
    const holder = (name: string) =>
      withFileLock(lock, async () => {
        events.push(`${name} in`)
        await sleep(50)
        events.push(`${name} out`)
      })
    await Promise.all([holder('a'), holder('b')])
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out'])
    expect(existsSync(lock)).toBe(false)
  })

  it('takes over a lock whose holder died', async () => {
    const lock = join(mkdtempSync(join(tmpdir(), 'pitwall-lock-')), 'x.lock')
    writeFileSync(lock, '999999999')
    expect(await withFileLock(lock, async () => 'got it', 2000)).toBe('got it')
  })
})
