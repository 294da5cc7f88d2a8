/**
 * @module
 * Peak resident memory of a process: `VmHWM` of /proc/<pid>/status (Linux), the kernel's own high
 * water mark, so one read just before the process stops gives the peak of its whole life.
 */
import { readFileSync } from 'node:fs'
import { type Sampler, sampleMax } from './sampler.ts'

/**
 * The peak RSS of `pid` in bytes, or undefined when the process is gone or not on Linux.
 *
 * @example
 * ```ts
 * peakRss(process.pid) // e.g. 81_264_640
 * ```
 */
export function peakRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)
    return match ? Number(match[1]) * 1024 : undefined
  } catch {
    return undefined
  }
}

/**
 * Samples the peak RSS of `pid` every `intervalMs`, so the figure survives an abrupt exit.
 *
 * @example
 * ```ts
 * const sampler = sampleRss(child.pid!)
 * sampler.stop()
 * ```
 */
export function sampleRss(pid: number, intervalMs = 500): Sampler {
  return sampleMax(() => peakRss(pid), intervalMs)
}
