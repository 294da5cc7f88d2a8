/**
 * @module
 * Test support: runs a simulated race through the F1 topology in the TopologyTestDriver and
 * collects what came out (anomalies as latest record per id), for the tests and scripts/f1-score.ts.
 */
import type { GroundTruthAnomaly } from '../../../../connectors/simulator/anomaly-types.ts'
import type { SimulatorOptions } from '../../../../connectors/simulator/config.ts'
import type { SimRecord } from '../../../../connectors/simulator/record.ts'
import { Simulator } from '../../../../connectors/simulator/simulator.ts'
import { Serdes } from '../../../serdes.ts'
import { type TestInputTopic, TopologyTestDriver } from '../../../test-driver/index.ts'
import { F1Topics } from '../../topics.ts'
import type { Anomaly } from '../anomalies/anomaly.ts'
import type { F1ConfigInput } from '../config.ts'
import { buildF1Topology } from '../topology.ts'

/** What a driven race produced. */
export interface DrivenRace {
  readonly driver: TopologyTestDriver
  readonly truth: readonly GroundTruthAnomaly[]
  /** Latest record per anomaly id. */
  readonly anomalies: readonly Anomaly[]
  readonly inputRecords: number
  readonly elapsedMs: number
}

/**
 * Runs the race; the caller closes `driver`.
 *
 * @example
 * ```ts
 * const race = await driveRace({ seed: 3, cars: 4, laps: 3 })
 * await race.driver.close()
 * ```
 */
export async function driveRace(options: SimulatorOptions, config: F1ConfigInput = {}): Promise<DrivenRace> {
  const sim = new Simulator(options)
  const topology = buildF1Topology({ stores: { type: 'memory' }, ...config })
  const read = new Set(topology.runnable().subtopologies.flatMap((s) => s.sourceTopics))
  const driver = new TopologyTestDriver(topology, { commitEvery: 1000 })
  const inputs = new Map<string, TestInputTopic<string, unknown>>()
  const encoder = new TextEncoder()
  const raw = driver.createInputTopic(F1Topics.telemetryRaw.name, Serdes.string(), Serdes.bytes())
  const anomalyOut = driver.createOutputTopic(F1Topics.telemetryAnomalies.name, Serdes.string(), Serdes.json<Anomaly>())
  const latest = new Map<string, Anomaly>()
  const started = performance.now()
  let inputRecords = 0
  for (const batch of sim.batches()) {
    for (const r of batch as SimRecord[]) {
      inputRecords++
      if (r.topic === F1Topics.telemetryRaw.name) {
        await raw.pipeInput(r.key, encoder.encode(JSON.stringify(r.value)), r.timestamp)
        continue
      }
      if (!read.has(r.topic)) continue
      let input = inputs.get(r.topic)
      if (input === undefined) {
        input = driver.createInputTopic(r.topic, Serdes.string(), Serdes.json())
        inputs.set(r.topic, input)
      }
      await input.pipeInput(r.key, r.value, r.timestamp)
    }
    for (const a of anomalyOut.readValuesToList()) latest.set(a.id, a)
  }
  return {
    driver,
    truth: sim.groundTruth,
    anomalies: [...latest.values()],
    inputRecords,
    elapsedMs: performance.now() - started,
  }
}
