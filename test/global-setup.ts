/**
 * @module
 * Vitest global setup of the `integration` project: makes sure a Kafka broker answers (the one in
 * PITWALL_BROKERS, else the local one, started if needed) and hands its address to the tests through
 * `inject('brokers')` and PITWALL_BROKERS. The broker is left running so that the next run reuses it;
 * `node scripts/broker.ts stop` stops it.
 */
import type { TestProject } from 'vitest/node'
import { ensureBroker } from '../scripts/broker.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    brokers: string[]
  }
}

/**
 * Starts (or finds) the broker before any integration test runs.
 *
 * @example
 * ```ts
 * // vitest.config.ts: { test: { name: 'integration', globalSetup: ['test/global-setup.ts'] } }
 * ```
 */
export default async function setup(project: TestProject): Promise<void> {
  const began = Date.now()
  const handle = await ensureBroker()
  if (handle.source === 'started') {
    console.log(`[global-setup] started Kafka on ${handle.brokers.join(',')} in ${Date.now() - began} ms`)
  }
  process.env.PITWALL_BROKERS = handle.brokers.join(',')
  project.provide('brokers', handle.brokers)
}
