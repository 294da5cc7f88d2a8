import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { KeyValueStore } from '../../stores/api.ts'
import { PitwallStreams, type StreamsState } from '../../topology/runtime/pitwall-streams.ts'
import { createTopics, testBrokers, withAdmin } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'
import { driveInput } from './eos/driver.ts'
import { type Aggregate, echoTopology } from './eos/echo-topology.ts'
import { openTransactions, verifyOutputs } from './eos/verify.ts'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

describe('PitwallStreams on the broker, one worker in process', () => {
  it('echoes and aggregates exactly once under exactly_once_v2, and restores after the state dir is deleted', async () => {
    const topics = {
      input: uniqueTopic('in'),
      echo: uniqueTopic('echo'),
      agg: uniqueTopic('agg'),
      group: uniqueTopic('group'),
    }
    await createTopics([topics.input], 3)
    await createTopics([topics.echo, topics.agg, topics.group], 3)
    const applicationId = uniqueName('rt-eos')
    const stateDir = await mkdtemp(join(tmpdir(), 'pitwall-rt-'))
    dirs.push(stateDir)
    const input = await driveInput(topics.input, { keys: 100, rounds: 5 })
    const states: StreamsState[] = []
    const streams = new PitwallStreams(echoTopology(topics), {
      applicationId,
      brokers: testBrokers(),
      stateDir,
      workerId: 'w1',
      repartitionPurgeIntervalMs: 200,
    })
    streams.onStateChange((s) => states.push(s))
    await streams.start()
    const verdict = await verifyOutputs(topics, input, { exactlyOnce: true })
    expect(verdict).toMatchObject({ missing: [], duplicates: [], wrongAggregates: [], wrongGroups: [] })
    expect(verdict.echoCount).toBe(500)
    const before = new Map<string, unknown>()
    for (const store of streams.localStores<KeyValueStore<string, Aggregate>>('agg').values()) {
      for await (const { key, value } of store.all()) before.set(key, value)
    }
    expect(before.size).toBe(100)
    // Committed repartition records are purged (the topic itself never expires records by age).
    const repartition = `${applicationId}-rekey-repartition`
    const purged = async () =>
      withAdmin(async (admin) => {
        const offsets = await admin.fetchTopicOffsets(repartition)
        return offsets.reduce((sum, p) => sum + Number(p.low), 0)
      })
    const deadline = Date.now() + 15_000
    while ((await purged()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
    expect(await purged()).toBeGreaterThan(0)
    const config = await withAdmin((admin) =>
      admin.describeConfigs({
        resources: [{ type: 2, name: repartition, configNames: ['retention.ms'] }],
        includeSynonyms: false,
      }),
    )
    expect(config.resources[0]!.configEntries[0]!.configValue).toBe('-1')
    await streams.close()
    expect(states).toContain('running')
    expect(states.at(-1)).toBe('not_running')

    // Restore: wipe the state directory, start again, the stores come back from the changelog.
    await rm(stateDir, { recursive: true, force: true })
    const again = new PitwallStreams(echoTopology(topics), {
      applicationId,
      brokers: testBrokers(),
      stateDir,
      workerId: 'w1',
    })
    const restored: number[] = []
    again.onRestore((p) => {
      if (p.done) restored.push(p.restored)
    })
    await again.start()
    await new Promise<void>((resolve) => {
      const check = () => (again.state === 'running' ? resolve() : setTimeout(check, 100))
      check()
    })
    const after = new Map<string, unknown>()
    for (const store of again.localStores<KeyValueStore<string, Aggregate>>('agg').values()) {
      for await (const { key, value } of store.all()) after.set(key, value)
    }
    expect(after).toEqual(before)
    expect(restored.reduce((a, b) => a + b, 0)).toBeGreaterThan(0)
    await again.close()
    expect(await openTransactions(testBrokers(), [topics.echo, topics.agg, topics.group])).toEqual([])
  })
})
