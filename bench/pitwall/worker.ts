/**
 * @module
 * The Pitwall worker of the suites: builds T1 or T2 with the DSL and runs it with PitwallStreams
 * as one process of the run's group. Rejected raw records that fail before the topology's own
 * validation (e.g. a key that is not UTF-8) are dead-lettered to the quarantine topic too.
 * `--check [t2]` only builds T1 (or T2) and exits (the runner's availability probe).
 */
import { PitwallStreams } from '../../topology/runtime/pitwall-streams.ts'
import { outputTopics } from '../workload/reference.ts'
import { readWorkerSpec } from '../workload/worker-spec.ts'
import { buildTopology } from './topologies.ts'

if (process.argv.includes('--check')) {
  const topology = process.argv.includes('t2') ? 't2' : 't1'
  buildTopology(topology, 'check-input', outputTopics('check')).runnable()
  process.exit(0)
}

const spec = readWorkerSpec(process.env)
const streams = new PitwallStreams(buildTopology(spec.topology, spec.inputTopic, spec.outputs), {
  applicationId: spec.applicationId,
  brokers: spec.brokers,
  processingGuarantee: spec.guarantee,
  commitIntervalMs: spec.commitIntervalMs,
  stateDir: spec.stateDir,
  workerId: `w${spec.instance}`,
  deadLetterTopic: spec.outputs.quarantine,
  deserializationErrorHandler: () => 'continue',
  processingErrorHandler: () => 'fail',
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 1000,
  transactionTimeoutMs: 10_000,
  autoOffsetReset: 'earliest',
})
streams.onStateChange((state) => {
  console.log(`state ${state}`)
  if (state === 'error') {
    console.error(streams.error)
    process.exit(70)
  }
})
let stopping = false
process.on('SIGTERM', () => {
  if (stopping) return
  stopping = true
  void streams.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
})
await streams.start()
console.log('ready')
