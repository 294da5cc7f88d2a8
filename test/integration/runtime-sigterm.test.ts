import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTopics, testBrokers } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'
import { driveInput } from './eos/driver.ts'
import { openTransactions, verifyOutputs, waitForCommittedInput } from './eos/verify.ts'
import { killWorker, logTail, startWorker, stopWorker, type WorkerHandle } from './eos/workers.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const roots: string[] = []
afterAll(async () => {
  if (!process.env.EOS_KEEP_STATE) for (const r of roots) await rm(r, { recursive: true, force: true })
})

/** SIGTERMs a worker; its exit code, with the log tail printed when it is not 0. */
async function terminate(worker: WorkerHandle): Promise<number | null> {
  const code = await stopWorker(worker, 30_000)
  if (code !== 0) console.error(`--- ${worker.id} exited ${code} on SIGTERM\n${await logTail(worker, 120)}`)
  return code
}

/** The log lines a worker wrote since `from` (characters). */
async function logSince(worker: WorkerHandle, from = 0): Promise<string> {
  return (await readFile(worker.logFile, 'utf8')).slice(from)
}

describe('SIGTERM at any moment (exactly_once_v2 CLI workers)', () => {
  it('exits 0 when stopped while starting, while restoring and right after a SIGKILL restart; outputs exactly once', async () => {
    const topics = {
      input: uniqueTopic('in'),
      echo: uniqueTopic('echo'),
      agg: uniqueTopic('agg'),
      group: uniqueTopic('group'),
    }
    await createTopics(Object.values(topics), 3)
    const stateRoot = await mkdtemp(join(tmpdir(), 'pitwall-sigterm-'))
    roots.push(stateRoot)
    const setup = {
      applicationId: uniqueName('sigterm'),
      brokers: testBrokers(),
      stateRoot,
      topics,
      guarantee: 'exactly_once_v2' as const,
    }
    // State to restore: every store's changelog holds a few thousand records.
    const w1 = await startWorker(setup, 'w1')
    const input = await driveInput(topics.input, { keys: 1500, rounds: 8, pauseMs: 30 })
    await waitForCommittedInput(setup.applicationId, topics.input, 60_000)
    expect(await terminate(w1)).toBe(0)

    // (a) While starting: before the group is joined.
    const starting = await startWorker(setup, 'w2', undefined, 'created -> rebalancing')
    expect(await terminate(starting)).toBe(0)

    // (b) While restoring (a fresh state directory restores everything): the stop interrupts the
    // assignment, so fewer than the 6 tasks get created, and the worker still exits 0.
    const restoring = await startWorker(setup, 'w3', undefined, 'restore ')
    expect(await terminate(restoring)).toBe(0)
    const created = (await logSince(restoring)).split('\n').filter((l) => /\] task \S+ created/.test(l)).length
    expect(created).toBeLessThan(6)

    // (c) Right after a SIGKILL restart, input flowing: the stop comes as tasks are assigned (the
    // killed process's transaction is still open) and must end with it aborted or committed.
    const w4 = await startWorker(setup, 'w4')
    const more = driveInput(topics.input, { keys: 1500, rounds: 6, pauseMs: 150, input, startRound: 8 })
    await sleep(800)
    await killWorker(w4)
    const before = (await logSince(w4)).length
    await startWorker(setup, 'w4', w4, 'assigned tasks')
    expect(await terminate(w4)).toBe(0)
    expect(await logSince(w4, before)).toContain('not_running')
    await more

    // The last worker finishes the input: every input exactly once, no transaction left open.
    const last = await startWorker(setup, 'w4', w4)
    try {
      await waitForCommittedInput(setup.applicationId, topics.input, 90_000)
      const verdict = await verifyOutputs(topics, input, { exactlyOnce: true })
      expect(verdict.missing.slice(0, 10)).toEqual([])
      expect(verdict.duplicates.slice(0, 10)).toEqual([])
      expect(verdict.wrongAggregates.slice(0, 10)).toEqual([])
      expect(verdict.echoCount).toBe(1500 * 14)
    } finally {
      expect(await terminate(last)).toBe(0)
    }
    expect(await openTransactions(testBrokers(), [topics.echo, topics.agg, topics.group])).toEqual([])
  }, 180_000)
})
