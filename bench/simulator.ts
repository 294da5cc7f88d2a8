/**
 * @module
 * `node bench/simulator.ts [--cars 20] [--laps 55] [--seed 1]`: generates a whole race as fast as
 * possible through `Simulator.batches()` and prints records/s and per-topic counts as one JSON line
 * (the bench report reads it).
 */
import { parseArgs } from 'node:util'
import { Simulator } from '../connectors/simulator/index.ts'

const { values } = parseArgs({
  options: {
    cars: { type: 'string', default: '20' },
    laps: { type: 'string', default: '55' },
    seed: { type: 'string', default: '1' },
  },
})
const sim = new Simulator({ cars: Number(values.cars), laps: Number(values.laps), seed: Number(values.seed) })
const counts = new Map<string, number>()
let n = 0
const t0 = performance.now()
for (const batch of sim.batches()) {
  n += batch.length
  for (const r of batch) counts.set(r.topic, (counts.get(r.topic) ?? 0) + 1)
}
const seconds = (performance.now() - t0) / 1000
process.stdout.write(
  `${JSON.stringify({
    bench: 'simulator',
    cars: Number(values.cars),
    laps: Number(values.laps),
    seed: Number(values.seed),
    records: n,
    seconds: Number(seconds.toFixed(2)),
    recordsPerSecond: Math.round(n / seconds),
    perTopic: Object.fromEntries(counts),
    anomaliesInjected: sim.groundTruth.length,
    heapUsedMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  })}\n`,
)
