import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTopics, testBrokers } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'
import { driveInput } from './eos/driver.ts'
import { echoTopology } from './eos/echo-topology.ts'
import { openTransactions, verifyOutputs, waitForCommittedInput } from './eos/verify.ts'
import { killWorker, logTail, startWorker, stopWorker, type WorkerHandle } from './eos/workers.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const roots: string[] = []
afterAll(async () => {
  if (!process.env.EOS_KEEP_STATE) for (const r of roots) await rm(r, { recursive: true, force: true })
})

const GUARANTEES = [
  {
    guarantee: 'exactly_once_v2',
    exactlyOnce: true,
    expectation: 'every input exactly once',
    commitIntervalMs: undefined,
  },
  // A short commit interval so that every kill replays a little (duplicates allowed, losses not).
  { guarantee: 'at_least_once', exactlyOnce: false, expectation: 'nothing lost', commitIntervalMs: 1_000 },
] as const

describe('crash test (after Kafka EOS system test): 3 workers, one SIGKILLed and restarted 3 times while input flows', () => {
  it.each(GUARANTEES)(
    '$guarantee: $expectation',
    async (mode) => {
      const topics = {
        input: uniqueTopic('in'),
        echo: uniqueTopic('echo'),
        agg: uniqueTopic('agg'),
        group: uniqueTopic('group'),
      }
      await createTopics([topics.input, topics.echo, topics.agg, topics.group], 3)
      const stateRoot = await mkdtemp(join(tmpdir(), 'pitwall-crash-'))
      roots.push(stateRoot)
      const setup = {
        applicationId: uniqueName(mode.exactlyOnce ? 'crash-eos' : 'crash-alos'),
        brokers: testBrokers(),
        stateRoot,
        topics,
        guarantee: mode.guarantee,
        ...(mode.commitIntervalMs ? { commitIntervalMs: mode.commitIntervalMs } : {}),
      }
      const workers: WorkerHandle[] = []
      for (const id of ['w1', 'w2', 'w3']) workers.push(await startWorker(setup, id))
      const driving = driveInput(topics.input, { keys: 1000, rounds: 24, pauseMs: 400 })
      try {
        for (let kill = 0; kill < 3; kill++) {
          await sleep(1_500 + Math.random() * 2_000)
          const victim = workers[Math.floor(Math.random() * workers.length)]!
          await killWorker(victim)
          await sleep(500 + Math.random() * 1_000)
          await startWorker(setup, victim.id, victim)
        }
        const input = await driving
        await waitForCommittedInput(setup.applicationId, topics.input, 120_000)
        const verdict = await verifyOutputs(topics, input, { exactlyOnce: mode.exactlyOnce })
        expect(verdict.missing.slice(0, 10)).toEqual([])
        expect(verdict.duplicates.slice(0, 10)).toEqual([])
        expect(verdict.wrongAggregates.slice(0, 10)).toEqual([])
        expect(verdict.wrongGroups.slice(0, 10)).toEqual([])
        if (mode.exactlyOnce) expect(verdict.echoCount).toBe(24_000)
        else expect(verdict.echoCount).toBeGreaterThanOrEqual(24_000)
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
    },
    240_000,
  )
})
