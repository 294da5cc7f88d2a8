import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../core/errors.ts'
import {
  Consumed,
  Materialized,
  Produced,
  Repartitioned,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
} from '../index.ts'

const str = Serdes.string()
let driver: TopologyTestDriver | undefined

afterEach(async () => {
  await driver?.close()
  driver = undefined
})

describe('TopologyTestDriver', () => {
  it('routes through topics and explicit repartitions back into the topology', async () => {
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, str))
      .mapValues((v) => `${v}!`)
      .to('middle', Produced.with(str, str))
    b.stream('middle', Consumed.with(str, str))
      .repartition(Repartitioned.as<string, string>('spread').withNumberOfPartitions(4))
      .mapValues((v) => `${v}?`)
      .to('out', Produced.with(str, str))
    const topology = b.build()
    expect(topology.runnable().subtopologies.map((s) => s.sourceTopics)).toEqual([
      ['in'],
      ['middle'],
      ['spread-repartition'],
    ])
    expect(topology.runnable().internalTopics).toEqual([
      {
        name: 'spread-repartition',
        kind: 'repartition',
        partitions: 4,
        config: { 'cleanup.policy': 'delete', 'retention.ms': '-1' },
      },
    ])
    driver = new TopologyTestDriver(topology, { applicationId: 'app' })
    await driver.createInputTopic('in', str, str).pipeInput('k', 'v', 3)
    expect(driver.createOutputTopic('out', str, str).readRecord()).toMatchObject({
      key: 'k',
      value: 'v!?',
      timestamp: 3,
    })
    expect(driver.producedTopicNames().sort()).toEqual(['app-spread-repartition', 'middle', 'out'])
  })

  it('repartitions only when the key may have changed', () => {
    const subtopologies = (key: boolean) => {
      const b = new StreamsBuilder()
      const s = b.stream('in', Consumed.with(str, str)).mapValues((v) => v.length)
      ;(key ? s.selectKey((_k, v) => String(v)) : s).groupByKey().count()
      return b.build().runnable().subtopologies.length
    }
    expect(subtopologies(false)).toBe(1)
    expect(subtopologies(true)).toBe(2)
  })

  it('logs store changes to <appId>-<store>-changelog and removes its temporary state dir', async () => {
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, str)).groupByKey().count(Materialized.as('counts'))
    driver = new TopologyTestDriver(b.build())
    const input = driver.createInputTopic('in', str, str)
    await input.pipeInput('a', 'x', 5)
    await input.pipeInput('a', 'y', 6)
    const changelog = driver.createOutputTopic('test-app-counts-changelog', str, Serdes.double()).readRecordsToList()
    expect(changelog.map((r) => [r.key, r.value, r.timestamp])).toEqual([
      ['a', 1, 5],
      ['a', 2, 6],
    ])
    const store = await driver.getKeyValueStore('counts')
    expect(store.persistent).toBe(true)
    const dir = driver.stateDir
    expect(existsSync(join(dir, 'test-app', '0_0', 'counts'))).toBe(true)
    await driver.close()
    driver = undefined
    expect(existsSync(dir)).toBe(false)
  })

  it('refuses unknown topics and stores, and reading past the end', async () => {
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, str)).to('out', Produced.with(str, str))
    const stateDir = mkdtempSync(join(tmpdir(), 'pitwall-own-'))
    driver = new TopologyTestDriver(b.build(), { stateDir })
    await expect(driver.createInputTopic('nope', str, str).pipeInput('a', 'b')).rejects.toMatchObject({
      code: ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
    })
    await expect(driver.getKeyValueStore('nope')).rejects.toMatchObject({ code: ErrorCodes.STORE_NOT_FOUND })
    expect(() => driver!.createOutputTopic('out', str, str).readValue()).toThrow(
      /output topic 'out' has no more records/,
    )
    await driver.close()
    driver = undefined
    expect(existsSync(stateDir)).toBe(true)
    rmSync(stateDir, { recursive: true })
  })

  it('keeps every record of read topics and only the latest of unread ones', async () => {
    const b = new StreamsBuilder()
    const s = b.stream('in', Consumed.with(str, str))
    s.to('read', Produced.with(str, str))
    s.to('tail', Produced.with(str, str))
    s.to('dropped', Produced.with(str, str))
    driver = new TopologyTestDriver(b.build(), { retainUnreadOutput: 3 })
    const read = driver.createOutputTopic('read', str, str)
    const input = driver.createInputTopic('in', str, str)
    for (let i = 0; i < 4; i++) await input.pipeInput('k', `v${i}`, i)
    expect(read.readValuesToList()).toEqual(['v0', 'v1', 'v2', 'v3'])
    expect(driver.createOutputTopic('tail', str, str).readValuesToList()).toEqual(['v0', 'v1', 'v2', 'v3'])
    for (let i = 4; i < 6; i++) await input.pipeInput('k', `v${i}`, i)
    expect(() => driver!.createOutputTopic('dropped', str, str)).toThrow(/3 earlier records were not kept/)
    expect(driver.producedTopicNames().sort()).toEqual(['dropped', 'read', 'tail'])
    await driver.close()
    driver = new TopologyTestDriver(b.build(), { retainUnreadOutput: 0 })
    await driver.createInputTopic('in', str, str).pipeInput('k', 'v', 0)
    expect(() => driver!.createOutputTopic('read', str, str)).toThrow(/1 earlier records were not kept/)
  })
})
