/**
 * @module
 * The anomalies a run committed to its anomaly topic, as the latest record per anomaly id (each
 * anomaly is emitted `open`, then `closed`, with the same id).
 */
import type { Anomaly } from '../../topology/f1/pipeline/anomalies/anomaly.ts'
import { readTopic } from './read-topic.ts'

/**
 * Reads the anomaly topic (read_committed) and keeps the latest record per id.
 *
 * @example
 * ```ts
 * const anomalies = await brokerAnomalies(['127.0.0.1:19092'], 'f1.telemetry.anomalies')
 * ```
 */
export async function brokerAnomalies(brokers: readonly string[], topic: string): Promise<Anomaly[]> {
  const latest = new Map<string, Anomaly>()
  for (const record of await readTopic(brokers, topic)) {
    if (record.value === null) continue
    const anomaly = JSON.parse(record.value) as Anomaly
    latest.set(anomaly.id, anomaly)
  }
  return [...latest.values()]
}
