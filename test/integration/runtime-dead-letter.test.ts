import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PitwallStreams } from '../../topology/runtime/pitwall-streams.ts'
import { createTopics, readCommitted, testBrokers } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'
import { driveInput } from './eos/driver.ts'
import { echoTopology } from './eos/echo-topology.ts'
import { openTransactions, verifyOutputs } from './eos/verify.ts'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

describe('poison records under exactly_once_v2', () => {
  it('an undecodable record lands once in the dead-letter topic with reason and source; the rest exactly once', async () => {
    const topics = {
      input: uniqueTopic('in'),
      echo: uniqueTopic('echo'),
      agg: uniqueTopic('agg'),
      group: uniqueTopic('group'),
    }
    const dlq = uniqueTopic('dlq')
    await createTopics([topics.input, topics.echo, topics.agg, topics.group], 3)
    await createTopics([dlq], 1)
    const stateDir = await mkdtemp(join(tmpdir(), 'pitwall-dlq-'))
    dirs.push(stateDir)
    // Round 0 carries the poison record (key '0', value 'not-a-number'); later rounds must still flow.
    const input = await driveInput(topics.input, { keys: 50, rounds: 4, poison: true })
    const streams = new PitwallStreams(echoTopology(topics), {
      applicationId: uniqueName('rt-dlq'),
      brokers: testBrokers(),
      stateDir,
      workerId: 'w1',
      deadLetterTopic: dlq,
      deserializationErrorHandler: () => 'continue',
    })
    await streams.start()
    try {
      const verdict = await verifyOutputs(topics, input, { exactlyOnce: true })
      expect(verdict).toMatchObject({ missing: [], duplicates: [], wrongAggregates: [], wrongGroups: [] })
      expect(verdict.echoCount).toBe(200)
      // A second batch after the poison record: the worker is still consuming.
      await driveInput(topics.input, { keys: 50, rounds: 2, input, startRound: 4 })
      const later = await verifyOutputs(topics, input, { exactlyOnce: true })
      expect(later).toMatchObject({ missing: [], duplicates: [], wrongAggregates: [], wrongGroups: [] })
      expect(later.echoCount).toBe(300)
      expect(streams.state).toBe('running')
    } finally {
      await streams.close()
    }
    const dead = await readCommitted(dlq, { count: 1 })
    // Nothing else arrives: exactly one dead letter (the task is the only place that dead-letters).
    const all = await readCommitted(dlq, { until: () => false, timeoutMs: 8_000 }).catch((e: Error) => e.message)
    expect(all).toMatch(/got 1 records/)
    const [letter] = dead
    expect(letter!.key).toBe('0')
    expect(letter!.value).toBe('not-a-number')
    expect(letter!.headers['pitwall.error.code']).toBe('PITWALL_SERDE_DESERIALIZATION')
    expect(letter!.headers['pitwall.error.message']).toMatch(/'not-a-number' is not an integer/)
    expect(letter!.headers['pitwall.source.topic']).toBe(topics.input)
    const partition = Number(letter!.headers['pitwall.source.partition'])
    const offset = letter!.headers['pitwall.source.offset']!
    const source = await readCommitted(topics.input, {
      until: (records) => records.some((r) => r.partition === partition && r.offset === offset),
    })
    expect(source.find((r) => r.partition === partition && r.offset === offset)?.value).toBe('not-a-number')
    expect(await openTransactions(testBrokers(), [dlq, topics.echo])).toEqual([])
  })
})
