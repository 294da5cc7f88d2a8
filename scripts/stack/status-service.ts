/**
 * @module
 * The periodic one-line status of `npm start`: records into the F1 input topics (end offsets: the
 * sources' producers are not transactional), committed records out of each output topic (counted by
 * a read_committed kafkajs consumer), the workers' lag on the raw telemetry, and anomalies detected,
 * all since the stack started.
 */
import { randomBytes } from 'node:crypto'
import { Kafka, logLevel } from 'kafkajs'
import { F1Topics } from '../../topology/f1/topics.ts'
import type { StackService } from './service.ts'

const INPUTS = [F1Topics.telemetryRaw, F1Topics.laps, F1Topics.drivers, F1Topics.sessions, F1Topics.raceControl]
const OUTPUTS = [
  [F1Topics.telemetryClean, 'clean'],
  [F1Topics.telemetryQuarantine, 'quarantine'],
  [F1Topics.metricsCar1s, '1s'],
  [F1Topics.metricsCar10s, '10s'],
  [F1Topics.lapsEnriched, 'laps+'],
  [F1Topics.lapStats, 'lap-stats'],
  [F1Topics.sessionStats, 'session-stats'],
  [F1Topics.telemetryAnomalies, 'anomaly-records'],
] as const

const short = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)}k` : String(n))

/**
 * Prints the status line every `intervalMs`.
 *
 * @example
 * ```ts
 * const STACK_SERVICES = [brokerService, topicsService, f1WorkerService(), simulatorService, statusService(10_000)]
 * ```
 */
export function statusService(intervalMs = 10_000, print: (line: string) => void = console.log): StackService {
  return {
    name: 'status',
    description: 'one status line every 10 s: records in/out per topic, lag, anomalies',
    async start({ provided, config }) {
      const brokers = provided.brokers ?? []
      const kafka = new Kafka({ clientId: 'pitwall-stack-status', brokers, logLevel: logLevel.NOTHING })
      const admin = kafka.admin()
      await admin.connect()
      const endOffsets = async (topic: string) => {
        const offsets = await admin.fetchTopicOffsets(topic)
        return offsets.reduce((sum, p) => sum + Number(p.high), 0)
      }
      const startIn = new Map<string, number>()
      for (const t of INPUTS) startIn.set(t.name, await endOffsets(t.name))
      const out = new Map<string, number>(OUTPUTS.map(([t]) => [t.name, 0]))
      const anomalies = new Map<string, string>()
      const consumer = kafka.consumer({
        groupId: `pitwall-stack-status-${randomBytes(4).toString('hex')}`,
        readUncommitted: false,
        maxWaitTimeInMs: 500,
      })
      await consumer.connect()
      await consumer.subscribe({ topics: OUTPUTS.map(([t]) => t.name), fromBeginning: false })
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          out.set(batch.topic, (out.get(batch.topic) ?? 0) + batch.messages.length)
          if (batch.topic !== F1Topics.telemetryAnomalies.name) return
          for (const m of batch.messages) {
            const a = JSON.parse(m.value?.toString('utf8') ?? '{}') as { id?: string; type?: string }
            if (a.id && a.type) anomalies.set(a.id, a.type)
          }
        },
      })
      const began = Date.now()
      let lastRaw = 0
      let lastAt = began
      const report = async () => {
        const ins: string[] = []
        let raw = 0
        for (const t of INPUTS) {
          const n = (await endOffsets(t.name)) - startIn.get(t.name)!
          if (t === F1Topics.telemetryRaw) raw = n
          ins.push(`${t.name.replace('f1.', '')} ${short(n)}`)
        }
        const now = Date.now()
        const rate = Math.round(((raw - lastRaw) / Math.max(1, now - lastAt)) * 1000)
        lastRaw = raw
        lastAt = now
        const committed = await admin.fetchOffsets({
          groupId: config.applicationId,
          topics: [F1Topics.telemetryRaw.name],
        })
        const ends = await admin.fetchTopicOffsets(F1Topics.telemetryRaw.name)
        const lag = ends.reduce((sum, p) => {
          const c = Number(committed[0]?.partitions.find((q) => q.partition === p.partition)?.offset ?? -1)
          return sum + Number(p.high) - Math.max(0, c)
        }, 0)
        const byType = new Map<string, number>()
        for (const type of anomalies.values()) byType.set(type, (byType.get(type) ?? 0) + 1)
        const types = [...byType].map(([t, n]) => `${t} ${n}`).join(', ')
        const outs = OUTPUTS.map(([t, label]) => `${label} ${short(out.get(t.name) ?? 0)}`).join(' ')
        const uptime = Math.round((now - began) / 1000)
        print(
          `[status +${uptime}s] in: ${ins.join(' ')} (${short(rate)}/s) | out: ${outs} | lag ${short(lag)} | anomalies ${anomalies.size}${types ? ` (${types})` : ''}`,
        )
      }
      let busy = false
      const timer = setInterval(() => {
        if (busy) return
        busy = true
        report()
          .catch((error) => print(`[status] unavailable: ${String(error?.message ?? error)}`))
          .finally(() => {
            busy = false
          })
      }, intervalMs)
      return {
        summary: `status line every ${intervalMs / 1000} s (records since start; lag = raw records not yet committed by the workers)`,
        stop: async () => {
          clearInterval(timer)
          await consumer.disconnect()
          await admin.disconnect()
        },
      }
    },
  }
}
