/**
 * @module
 * What the bench keeps of a spawned process: its peak RSS and CPU time (sampled, so they survive an
 * abrupt exit), the last lines it printed, its exit, and a stop (SIGTERM, then SIGKILL after a grace).
 */
import type { ChildProcess } from 'node:child_process'
import { sampleCpu } from './cpu.ts'
import { sampleRss } from './rss.ts'

/** A spawned process under watch. */
export interface WatchedProcess {
  readonly pid: number
  /** Exit code, or the signal's name. */
  readonly exited: Promise<number | string>
  peakRss(): number
  /** User + system CPU time so far (its last sample once the process is gone), ms. */
  cpuMs(): number
  /** The last 30 lines of stdout and stderr. */
  stderrTail(): string
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the peak RSS once the process is gone. */
  stop(graceMs: number): Promise<number>
  /** SIGKILL; resolves once the process is gone. */
  kill(): Promise<void>
}

/**
 * Watches `child`; every line it prints goes to `onLine`.
 *
 * @example
 * ```ts
 * const w = watchProcess(spawn(process.execPath, ['worker.ts'], { stdio: ['ignore', 'pipe', 'pipe'] }), console.log)
 * const peak = await w.stop(15_000)
 * ```
 */
export function watchProcess(child: ChildProcess, onLine: (line: string) => void): WatchedProcess {
  const pid = child.pid!
  const rss = sampleRss(pid)
  const cpu = sampleCpu(pid)
  let tail: string[] = []
  const keep = (chunk: Buffer) => {
    const lines = chunk.toString().split('\n').filter(Boolean)
    tail = [...tail, ...lines].slice(-30)
    for (const line of lines) onLine(line)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let alive = true
  const exited = new Promise<number | string>((done) => {
    child.on('exit', (code, signal) => {
      alive = false
      done(code ?? signal ?? 'unknown')
    })
  })
  return {
    pid,
    exited,
    peakRss: () => (alive ? rss.latest() : rss.stop()),
    cpuMs: () => (alive ? cpu.latest() : cpu.stop()),
    stderrTail: () => tail.join('\n'),
    stop: async (graceMs) => {
      const peak = rss.stop()
      cpu.stop()
      if (alive) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => alive && child.kill('SIGKILL'), graceMs)
        await exited
        clearTimeout(timer)
      }
      return peak
    },
    kill: async () => {
      rss.stop()
      cpu.stop()
      if (alive) child.kill('SIGKILL')
      await exited
    },
  }
}
