import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTopics, testBrokers } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'
import { driveInput } from './eos/driver.ts'
import { echoTopology } from './eos/echo-topology.ts'
import { openTransactions, verifyOutputs, waitForCommittedInput } from './eos/verify.ts'
import { logTail, startWorker, stopWorker, type WorkerHandle } from './eos/workers.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitForLog(worker: WorkerHandle, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!pattern.test(await logTail(worker, 100_000))) {
    if (Date.now() > deadline) throw new Error(`worker ${worker.id} never logged ${pattern}`)
    await sleep(200)
  }
}
const roots: string[] = []
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true })
})

describe('scaling under exactly_once_v2', () => {
  it('one worker, a second joins while records flow, then the first stops (SIGTERM): every input exactly once', async () => {
    const topics = {
      input: uniqueTopic('in'),
      echo: uniqueTopic('echo'),
      agg: uniqueTopic('agg'),
      group: uniqueTopic('group'),
    }
    await createTopics([topics.input, topics.echo, topics.agg, topics.group], 4)
    const stateRoot = await mkdtemp(join(tmpdir(), 'pitwall-scale-'))
    roots.push(stateRoot)
    const setup = {
      applicationId: uniqueName('scale-eos'),
      brokers: testBrokers(),
      stateRoot,
      topics,
      guarantee: 'exactly_once_v2' as const,
    }
    const workers: WorkerHandle[] = [await startWorker(setup, 'w1')]
    const driving = driveInput(topics.input, { keys: 1000, rounds: 30, pauseMs: 400 })
    try {
      await sleep(2_500)
      workers.push(await startWorker(setup, 'w2'))
      await sleep(3_000)
      // A clean stop in the middle of the flow: commit, close tasks, leave the group, exit 0.
      expect(await stopWorker(workers[0]!)).toBe(0)
      // The survivor takes over every task while input still flows.
      await waitForLog(workers[1]!, /task 0_\d created/, 30_000)
      const input = await driving
      await waitForCommittedInput(setup.applicationId, topics.input, 120_000)
      const verdict = await verifyOutputs(topics, input, { exactlyOnce: true })
      expect(verdict.missing.slice(0, 10)).toEqual([])
      expect(verdict.duplicates.slice(0, 10)).toEqual([])
      expect(verdict.wrongAggregates.slice(0, 10)).toEqual([])
      expect(verdict.wrongGroups.slice(0, 10)).toEqual([])
      expect(verdict.echoCount).toBe(30_000)
    } catch (error) {
      for (const w of workers) console.error(`--- ${w.id}\n${await logTail(w)}`)
      throw error
    } finally {
      for (const w of workers) expect(await stopWorker(w)).toBe(0)
    }
    const internal = echoTopology(topics)
      .runnable()
      .internalTopics.map((t) => `${setup.applicationId}-${t.name}`)
    expect(await openTransactions(testBrokers(), [topics.echo, topics.agg, topics.group, ...internal])).toEqual([])
  }, 180_000)
})
