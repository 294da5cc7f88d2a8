/**
 * @module
 * `node connectors/simulator/cli.ts [options]`: runs a race and prints stats, or writes its records
 * as JSON lines (`{ topic, key, timestamp, value }`) to a file or stdout, and the ground truth as
 * JSON. Options: --cars, --laps, --seed, --anomalies (per type), --mode fast|realtime, --speed,
 * --out <file|->, --truth <file>.
 */

import { once } from 'node:events'
import { createWriteStream, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { Simulator } from './simulator.ts'

const { values } = parseArgs({
  options: {
    cars: { type: 'string', default: '20' },
    laps: { type: 'string', default: '55' },
    seed: { type: 'string', default: '1' },
    anomalies: { type: 'string', default: '3' },
    mode: { type: 'string', default: 'fast' },
    speed: { type: 'string', default: '1' },
    out: { type: 'string' },
    truth: { type: 'string' },
  },
})

const sim = new Simulator({
  cars: Number(values.cars),
  laps: Number(values.laps),
  seed: Number(values.seed),
  anomaliesPerType: Number(values.anomalies),
  mode: values.mode as 'fast' | 'realtime',
  speedFactor: Number(values.speed),
  batchMs: values.mode === 'realtime' ? 100 : 1000,
})
const out = values.out === undefined ? undefined : values.out === '-' ? process.stdout : createWriteStream(values.out)
const counts = new Map<string, number>()
const t0 = performance.now()
let n = 0
let lines: string[] = []
for await (const r of sim.records()) {
  n++
  counts.set(r.topic, (counts.get(r.topic) ?? 0) + 1)
  if (!out) continue
  lines.push(JSON.stringify({ topic: r.topic, key: r.key, timestamp: r.timestamp, value: r.value }))
  if (lines.length >= 2000 || values.mode === 'realtime') {
    if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain')
    lines = []
  }
}
if (out && lines.length > 0) out.write(`${lines.join('\n')}\n`)
if (out && out !== process.stdout) out.end()
if (values.truth) writeFileSync(values.truth, `${JSON.stringify(sim.groundTruth, null, 2)}\n`)
const seconds = (performance.now() - t0) / 1000
const log = out === process.stdout ? console.error : console.log
log(
  `${n} records in ${seconds.toFixed(1)} s (${Math.round(n / seconds)} records/s); ${sim.groundTruth.length} anomalies`,
)
for (const [topic, c] of counts) log(`  ${topic}: ${c}`)
