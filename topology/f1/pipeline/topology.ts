/**
 * @module
 * The whole F1 topology: validate and normalize, lap tagging and enrichment, windowed car metrics,
 * lap and session tables, anomaly detection. README.md (topology/f1/) describes topics, stores and
 * stages; every threshold comes from the configuration.
 */
import { StreamsBuilder } from '../../dsl/streams-builder.ts'
import type { Topology } from '../../dsl/topology.ts'
import { anomalyStage } from './anomaly-stage.ts'
import { type F1Config, type F1ConfigInput, parseF1Config } from './config.ts'
import { goldStage } from './gold-stage.ts'
import { lapStage } from './lap-stage.ts'
import { metricsStage } from './metrics-stage.ts'
import { validateStage } from './validate-stage.ts'

/**
 * Builds the F1 topology.
 *
 * @example
 * ```ts
 * const driver = new TopologyTestDriver(buildF1Topology({ stores: { type: 'memory' } }))
 * ```
 */
export function buildF1Topology(input: F1ConfigInput | F1Config = {}): Topology {
  const config = parseF1Config(input as F1ConfigInput)
  const builder = new StreamsBuilder({ defaultStoreType: config.stores.type })
  const clean = validateStage(builder, config)
  const { laps, tagged } = lapStage(builder, clean, config)
  metricsStage(builder, clean, config)
  const anomalies = anomalyStage(builder, tagged, config)
  goldStage(builder, { laps, tagged, anomalies }, config)
  return builder.build()
}
