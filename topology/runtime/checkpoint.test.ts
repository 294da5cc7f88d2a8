import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { deleteCheckpoint, readCheckpoint, writeCheckpoint } from './checkpoint.ts'

let dir: string | undefined

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('checkpoint', () => {
  it('round-trips offsets and disappears when deleted', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pitwall-cp-'))
    const taskDir = join(dir, '0_1')
    expect(await readCheckpoint(taskDir)).toBeUndefined()
    await writeCheckpoint(taskDir, new Map([['app-counts-changelog:1', 12_345_678_901n]]))
    expect(await readCheckpoint(taskDir)).toEqual(new Map([['app-counts-changelog:1', 12_345_678_901n]]))
    await deleteCheckpoint(taskDir)
    expect(await readCheckpoint(taskDir)).toBeUndefined()
  })
})
