/**
 * @module
 * `npm run bench`: the benchmark suite. `--profile smoke` (minutes, CI) writes
 * bench/results/smoke.md and smoke.json; `--profile full` (the reference workload) writes
 * BENCHMARKS.md and bench/results/latest.json. Options: `--repeats n`, `--records n`,
 * `--brokers host:port`, `--only pitwall,baseline,throughput,latency,f1,external` (`f1`: the F1 topology
 * through the broker, bench/f1).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ensureBroker } from '../scripts/broker.ts'
import { machineInfo } from './runner/machine.ts'
import { type BenchResults, type Implementation, runPlan } from './runner/plan.ts'
import { parseProfile } from './runner/profiles.ts'
import { writeReports } from './runner/report.ts'
import { WORKER_SCRIPTS } from './workload/workers.ts'

const repoRoot = resolve(import.meta.dirname, '..')
const began = Date.now()
const log = (line: string) => console.log(`[bench ${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`)

function pitwallUnavailable(): string | undefined {
  try {
    execFileSync(process.execPath, [WORKER_SCRIPTS.pitwall, '--check'], { stdio: 'pipe', timeout: 60_000 })
    return undefined
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error)
    return stderr.split('\n').find((l) => /Error|Cannot find/.test(l)) ?? stderr.slice(0, 300)
  }
}

const profile = parseProfile(process.argv.slice(2))
const machine = machineInfo(`npm run bench -- ${process.argv.slice(2).join(' ')}`.trim())
const local = profile.brokers === undefined ? await ensureBroker() : undefined
const brokers = profile.brokers ?? local!.brokers
log(`profile ${profile.name}: ${profile.records} records, ${profile.repeats} repeat(s), brokers ${brokers.join(',')}`)
const unavailable: BenchResults['unavailable'] = {}
const missing = pitwallUnavailable()
if (missing) {
  unavailable.pitwall = missing
  log(`Pitwall worker unavailable, measuring the rest: ${missing}`)
}
const implementations: Implementation[] = missing ? ['baseline'] : ['baseline', 'pitwall']
const [md, json] =
  profile.name === 'full'
    ? ['BENCHMARKS.md', 'bench/results/latest.json']
    : ['bench/results/smoke.md', 'bench/results/smoke.json']
// the report is rewritten after every figure (marked partial), so an interrupted run keeps what it measured
// what a person wrote about the full run (the report itself is generated), kept across runs
const notesFile = resolve(repoRoot, 'bench/notes.md')
const notes = profile.name === 'full' && existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : undefined
const write = (results: BenchResults, partial: boolean) =>
  writeReports(
    resolve(repoRoot, md),
    resolve(repoRoot, json),
    machine,
    profile,
    results,
    Date.now() - began,
    partial,
    notes,
  )
const results = await runPlan(
  { brokers, ...(local?.pid === undefined ? {} : { brokerPid: local.pid }) },
  profile,
  implementations,
  unavailable,
  log,
  (r) => write(r, true),
)
const ms = Date.now() - began
write(results, false)
log(`wrote ${md} and ${json} in ${(ms / 60_000).toFixed(1)} min`)
process.exit(0)
