/**
 * @module
 * Facts about where and when a run happened: cores, CPU model, RAM, Node and broker versions,
 * date, commit and the exact command.
 */
import { execFileSync } from 'node:child_process'
import { cpus, loadavg, totalmem } from 'node:os'
import { KAFKA_VERSION } from '../../scripts/infra/kafka-provision.ts'

/** The context of one run. */
export interface MachineInfo {
  readonly cores: number
  readonly cpuModel: string
  readonly ramGiB: number
  readonly node: string
  readonly broker: string
  readonly date: string
  readonly commit: string
  readonly command: string
  /** 1-minute load average when the run started: other work on the machine skews every figure. */
  readonly loadAverage: number
}

/**
 * Describes this machine and run.
 *
 * @example
 * ```ts
 * machineInfo('npm run bench -- --profile full').cores // 2
 * ```
 */
export function machineInfo(command: string): MachineInfo {
  const cpu = cpus()
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    broker: `Apache Kafka ${KAFKA_VERSION} (single combined broker/controller, co-located)`,
    date: new Date().toISOString(),
    commit: gitCommit(),
    command,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  }
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'bench', 'topology', 'stores', 'core'], {
      encoding: 'utf8',
    }).trim()
    return dirty ? `${sha} (working tree has uncommitted changes)` : sha
  } catch {
    return 'unknown'
  }
}
