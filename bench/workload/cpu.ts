/**
 * @module
 * CPU time of a process (user + system, all its threads) from /proc/<pid>/stat (Linux): what a
 * worker or the broker spent, independent of how busy the shared machine was.
 */
import { readFileSync } from 'node:fs'
import { type Sampler, sampleMax } from './sampler.ts'

// clock ticks per second of /proc/<pid>/stat: 100 on every Linux this runs on (USER_HZ)
const TICKS_PER_SECOND = 100

/**
 * User + system CPU time of `pid` so far in ms, or undefined when the process is gone or not on Linux.
 *
 * @example
 * ```ts
 * const before = cpuMsOf(brokerPid) ?? 0
 * ```
 */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND
  } catch {
    return undefined
  }
}

/**
 * Samples the CPU time of `pid` every `intervalMs`, so the figure survives an abrupt exit.
 *
 * @example
 * ```ts
 * const sampler = sampleCpu(child.pid!)
 * sampler.stop()
 * ```
 */
export function sampleCpu(pid: number, intervalMs = 500): Sampler {
  return sampleMax(() => cpuMsOf(pid), intervalMs)
}
