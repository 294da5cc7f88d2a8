import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Consumer } from '@platformatic/kafka'
import { afterAll, describe, expect, it } from 'vitest'
import { isPitwallError } from '../../core/errors.ts'
import { type FetchedPartition, fetchPartitions } from '../../topology/runtime/fetcher.ts'
import type { Logger } from '../../topology/runtime/logger.ts'
import { PartitionErrors } from '../../topology/runtime/partition-errors.ts'
import { PitwallStreams } from '../../topology/runtime/pitwall-streams.ts'
import { safeLogger } from '../../topology/runtime/safe-logger.ts'
import { createTopics, testBrokers, withAdmin } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'
import { driveInput } from './eos/driver.ts'
import { echoTopology } from './eos/echo-topology.ts'
import { verifyOutputs } from './eos/verify.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const settings = { maxWaitMs: 100, maxBytesPerPartition: 1 << 20, readCommitted: true }
const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

/** A logger as users write them: JSON.stringify of the fields, which throws on bigints. */
function jsonLogger(lines: string[]): Logger {
  const write = (level: string) => (m: string, f?: Record<string, unknown>) => {
    lines.push(`${level} ${m}${f ? ` ${JSON.stringify(f)}` : ''}`)
  }
  return { info: write('INFO'), warn: write('WARN'), error: write('ERROR'), debug: write('DEBUG') }
}

describe('fetch partition errors against the broker', () => {
  it('a partition without a leader yet backs off, refreshes metadata and is fetched once it exists', async () => {
    const topic = uniqueTopic('grow')
    await createTopics([topic], 1)
    const consumer = new Consumer({
      clientId: uniqueName('fe'),
      bootstrapBrokers: testBrokers(),
      groupId: uniqueName('fe'),
    })
    const lines: string[] = []
    try {
      const errors = new PartitionErrors(consumer, safeLogger(jsonLogger(lines)))
      const positions = [0, 2].map((partition) => ({ topic, partition, offset: 0n }))
      const first = await fetchPartitions(consumer, positions, settings)
      expect(first.map((p) => [p.partition, p.errorCode])).toEqual([
        [0, 0],
        [2, 5],
      ])
      expect(await errors.handle(first, () => 0n)).toEqual([])
      expect(errors.ready(topic, 2)).toBe(false)
      expect(errors.ready(topic, 0)).toBe(true)
      expect(lines.join('\n')).toMatch(new RegExp(`DEBUG fetch ${topic}-2: LEADER_NOT_AVAILABLE`))
      await withAdmin((admin) => admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] }))
      let fetched: FetchedPartition | undefined
      const deadline = Date.now() + 20_000
      while (fetched?.errorCode !== 0 && Date.now() < deadline) {
        if (!errors.ready(topic, 2)) {
          await sleep(50)
          continue
        }
        const parts = await fetchPartitions(consumer, [{ topic, partition: 2, offset: 0n }], settings)
        await errors.handle(parts, () => 0n)
        fetched = parts[0]
      }
      expect(fetched?.errorCode).toBe(0)
      expect(errors.ready(topic, 2)).toBe(true)
    } finally {
      await consumer.close()
    }
  })

  it('a fatal partition error (TOPIC_AUTHORIZATION_FAILED) throws a FETCH error naming the partition', async () => {
    const topic = uniqueTopic('fatal')
    await createTopics([topic], 1)
    const consumer = new Consumer({
      clientId: uniqueName('fe'),
      bootstrapBrokers: testBrokers(),
      groupId: uniqueName('fe'),
    })
    try {
      const [part] = await fetchPartitions(consumer, [{ topic, partition: 0, offset: 0n }], settings)
      const denied = { ...part!, errorCode: 29 }
      const error = await new PartitionErrors(consumer, jsonLogger([])).handle([denied], () => 0n).catch((e) => e)
      expect(isPitwallError(error, 'PITWALL_FETCH')).toBe(true)
      expect(error.message).toContain(`fetching ${topic}-0 failed: TOPIC_AUTHORIZATION_FAILED`)
    } finally {
      await consumer.close()
    }
  })
})

describe('a user logger that JSON.stringifies its fields', () => {
  it('gets JSON-safe fields (bigint offsets as numbers) and the worker processes exactly once', async () => {
    const topics = {
      input: uniqueTopic('in'),
      echo: uniqueTopic('echo'),
      agg: uniqueTopic('agg'),
      group: uniqueTopic('group'),
    }
    await createTopics(Object.values(topics), 2)
    const stateDir = await mkdtemp(join(tmpdir(), 'pitwall-logger-'))
    dirs.push(stateDir)
    const input = await driveInput(topics.input, { keys: 20, rounds: 3 })
    const lines: string[] = []
    const streams = new PitwallStreams(echoTopology(topics), {
      applicationId: uniqueName('rt-logger'),
      brokers: testBrokers(),
      stateDir,
      workerId: 'w1',
      logger: jsonLogger(lines),
    })
    await streams.start()
    try {
      const verdict = await verifyOutputs(topics, input, { exactlyOnce: true })
      expect(verdict).toMatchObject({ missing: [], duplicates: [], wrongAggregates: [], wrongGroups: [] })
      expect(streams.state).toBe('running')
    } finally {
      await streams.close()
    }
    expect(lines.filter((l) => l.startsWith('ERROR'))).toEqual([])
    expect(lines.join('\n')).toMatch(/INFO task \S+ created \{"positions":\{"[^"]+":\d+\}\}/)
  })
})
