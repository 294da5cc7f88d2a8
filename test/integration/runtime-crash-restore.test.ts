import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createTopics, testBrokers, withAdmin } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'
import { driveInput } from './eos/driver.ts'
import { openTransactions, verifyOutputs, waitForCommittedInput } from './eos/verify.ts'
import { killWorker, logTail, startWorker, stopWorker, type WorkerHandle } from './eos/workers.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const roots: string[] = []
/** Stops a worker; prints its log tail when it did not exit 0, so a failure can be diagnosed. */
async function stopAndTell(worker: WorkerHandle): Promise<number | null> {
  const code = await stopWorker(worker)
  if (code !== 0) console.error(`--- ${worker.id} exited ${code} on SIGTERM\n${await logTail(worker, 120)}`)
  return code
}

afterAll(async () => {
  if (!process.env.EOS_KEEP_STATE) for (const r of roots) await rm(r, { recursive: true, force: true })
})

interface RestoreLine {
  readonly at: number
  readonly taskId: string
  readonly store: string
  readonly restored: number
  readonly total: number
  readonly done: boolean
  readonly fromCheckpoint: boolean
}

/** The runtime's restore progress lines (`restore <task>/<store> {...}`) of a log excerpt. */
function restoreLines(log: string): RestoreLine[] {
  const out: RestoreLine[] = []
  for (const line of log.split('\n')) {
    const match = /^(\S+) INFO .*\] restore \S+ (\{.*\})$/.exec(line)
    if (match) out.push({ at: Date.parse(match[1]!), ...(JSON.parse(match[2]!) as Omit<RestoreLine, 'at'>) })
  }
  return out
}

/** Records in the application's changelog topics (what a full restore reads, before compaction). */
async function changelogSize(applicationId: string): Promise<number> {
  return withAdmin(async (admin) => {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(applicationId) && t.endsWith('-changelog'))
    let total = 0
    for (const t of topics) for (const p of await admin.fetchTopicOffsets(t)) total += Number(p.high) - Number(p.low)
    return total
  })
}

describe('exactly-once crash recovery of LevelDB stores', () => {
  it('restores incrementally from the stores checkpoints after a SIGKILL, outputs still exactly once', async () => {
    const topics = {
      input: uniqueTopic('in'),
      echo: uniqueTopic('echo'),
      agg: uniqueTopic('agg'),
      group: uniqueTopic('group'),
    }
    await createTopics([topics.input, topics.echo, topics.agg, topics.group], 3)
    const stateRoot = await mkdtemp(join(tmpdir(), 'pitwall-crash-restore-'))
    roots.push(stateRoot)
    const setup = {
      applicationId: uniqueName('crash-restore'),
      brokers: testBrokers(),
      stateRoot,
      topics,
      guarantee: 'exactly_once_v2' as const,
    }
    const worker = await startWorker(setup, 'w1')
    try {
      // A large part of the input first, fully processed and committed.
      const input = await driveInput(topics.input, { keys: 2000, rounds: 40, pauseMs: 100 })
      await waitForCommittedInput(setup.applicationId, topics.input, 120_000)
      // Then a kill in the middle of processing (transactions open, caches and pending writes full).
      const more = driveInput(topics.input, { keys: 2000, rounds: 10, pauseMs: 200, input, startRound: 40 })
      await sleep(1_000)
      await killWorker(worker)
      const changelog = await changelogSize(setup.applicationId)
      const before = (await readFile(worker.logFile, 'utf8')).length
      const started = Date.now()
      await startWorker(setup, 'w1', worker)
      const restartMs = Date.now() - started
      await more
      await waitForCommittedInput(setup.applicationId, topics.input, 120_000)
      const restores = restoreLines((await readFile(worker.logFile, 'utf8')).slice(before)).filter((l) => l.done)
      const restored = restores.reduce((a, l) => a + l.restored, 0)
      console.info(
        `after SIGKILL: ${restores.length} store restores, ${restored} records restored of ${changelog} changelog records; running again after ${restartMs} ms`,
        restores.map((l) => `${l.taskId}/${l.store}: ${l.restored} (${l.fromCheckpoint ? 'checkpoint' : 'full'})`),
      )
      // (a) every LevelDB store restored from its own checkpoint, a small fraction of the changelog
      expect(restores.length).toBe(6)
      expect(restores.every((l) => l.fromCheckpoint)).toBe(true)
      expect(changelog).toBeGreaterThan(10_000)
      expect(restored).toBeLessThan(changelog / 4)
      // (b) outputs exactly once, aggregates equal a recomputation
      const verdict = await verifyOutputs(topics, input, { exactlyOnce: true })
      expect(verdict.missing.slice(0, 10)).toEqual([])
      expect(verdict.duplicates.slice(0, 10)).toEqual([])
      expect(verdict.wrongAggregates.slice(0, 10)).toEqual([])
      expect(verdict.wrongGroups.slice(0, 10)).toEqual([])
      expect(verdict.echoCount).toBe(100_000)
    } catch (error) {
      console.error(`--- w1\n${await logTail(worker, 80)}`)
      throw error
    } finally {
      expect(await stopAndTell(worker)).toBe(0)
    }
    // For comparison, what the crash cost before store checkpoints: a wiped worker restores it all.
    const fresh = await startWorker(setup, 'w2')
    expect(await stopAndTell(fresh)).toBe(0)
    const full = restoreLines(await readFile(fresh.logFile, 'utf8'))
    const fullDone = full.filter((l) => l.done)
    const fullMs = Math.max(...fullDone.map((l) => l.at)) - Math.min(...full.map((l) => l.at))
    console.info(
      `wiped worker: ${fullDone.reduce((a, l) => a + l.restored, 0)} records restored in ${fullMs} ms (restore lines)`,
    )
    expect(fullDone.every((l) => !l.fromCheckpoint)).toBe(true)
    expect(await openTransactions(testBrokers(), [topics.echo, topics.agg, topics.group])).toEqual([])
  }, 240_000)
})
