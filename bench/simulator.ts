/**
 * @module
 * `node bench/simulator.ts [--cars 20] [--laps 55] [--seed 1]`: generates a whole race as fast as
 * possible through `Simulator.batches()` and prints records/s (and per topic counts).
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
console.log(`simulator: ${values.cars} cars, ${values.laps} laps, seed ${values.seed}`)
console.log(`records: ${n} in ${seconds.toFixed(1)} s = ${Math.round(n / seconds).toLocaleString('en')} records/s`)
for (const [topic, c] of counts) console.log(`  ${topic}: ${c}`)
console.log(
  `anomalies injected: ${sim.groundTruth.length}; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
)
