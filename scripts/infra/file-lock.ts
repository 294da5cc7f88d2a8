/**
 * @module
 * A cross-process lock on a file, so that two test runs or scripts sharing one checkout do not
 * provision or start the same service at once. A lock whose holder died is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { dirname } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'
import { isAlive } from './process-control.ts'

/**
 * Runs `work` while holding the lock file `path` (created exclusively, holding our pid).
 *
 * @example
 * ```ts
 * await withFileLock('.cache/kafka/start.lock', async () => provision())
 * ```
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>, timeoutMs = 15 * 60_000): Promise<T> {
  mkdirSync(dirname(path), { recursive: true })
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (holderIsGone(path)) {
        rmSync(path, { force: true })
        continue
      }
      if (Date.now() > deadline) {
        throw new PitwallError(ErrorCodes.INFRA, `timed out waiting for lock ${path}: remove it if no script runs`)
      }
      await sleep(300)
    }
  }
  try {
    return await work()
  } finally {
    rmSync(path, { force: true })
  }
}

function holderIsGone(path: string): boolean {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10)
    // an empty file is a lock being written right now
    return Number.isInteger(pid) && pid > 0 && !isAlive(pid)
  } catch {
    return false
  }
}
