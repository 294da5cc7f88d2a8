/**
 * @module
 * The car simulator: a seeded, deterministic F1 race producing the event model's records, with
 * injected anomalies and their ground truth. See README.md.
 *
 * @example
 * ```ts
 * import { Simulator } from './connectors/simulator/index.ts'
 * const sim = new Simulator({ seed: 1, cars: 20, laps: 55 })
 * for await (const record of sim.records()) await producer.send(record)
 * ```
 */
export type { GroundTruthAnomaly } from './anomaly-types.ts'
export { anomalyTypes, detectionThresholds } from './anomaly-types.ts'
export type { SimulatorConfig, SimulatorOptions } from './config.ts'
export { parseSimulatorConfig } from './config.ts'
export { GEAR_TOP_KMH, gearBand, REFERENCE_RPM } from './powertrain.ts'
export type { SimRecord } from './record.ts'
export { ReferenceDetector } from './reference-detector.ts'
export { scoreDetections } from './scoring.ts'
export { Simulator } from './simulator.ts'
