import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ensureBroker, restartBroker, stopBroker } from '../../scripts/broker.ts'
import type { Logger } from '../../topology/runtime/logger.ts'
import { PitwallStreams } from '../../topology/runtime/pitwall-streams.ts'
import { createTopics } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'
import { driveInput } from './eos/driver.ts'
import { echoTopology } from './eos/echo-topology.ts'
import { verifyOutputs } from './eos/verify.ts'

// A broker of its own (the shared one serves other tests and benchmarks): restarting it is harmless.
const OWN_BROKER = { port: 19392, controllerPort: 19393, ignoreEnv: true, timeoutMs: 120_000 }
const dirs: string[] = []
afterAll(async () => {
  await stopBroker(OWN_BROKER).catch(() => {})
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

function recordingLogger(lines: string[]): Logger {
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push(
      `${level} ${message} ${fields ? JSON.stringify(fields, (_k, v) => (typeof v === 'bigint' ? String(v) : v)) : ''}`,
    )
  return { info: push('INFO'), warn: push('WARN'), error: push('ERROR'), debug: () => {} }
}

describe('broker unavailable under exactly_once_v2', () => {
  it('a broker restart mid-run: the worker retries with backoff, logs it, and every input is still processed exactly once', async () => {
    const { brokers } = await ensureBroker(OWN_BROKER)
    const topics = {
      input: uniqueTopic('in'),
      echo: uniqueTopic('echo'),
      agg: uniqueTopic('agg'),
      group: uniqueTopic('group'),
    }
    await createTopics([topics.input, topics.echo, topics.agg, topics.group], 2, brokers)
    const stateDir = await mkdtemp(join(tmpdir(), 'pitwall-restart-'))
    dirs.push(stateDir)
    const logs: string[] = []
    const streams = new PitwallStreams(echoTopology(topics), {
      applicationId: uniqueName('rt-restart'),
      brokers,
      stateDir,
      workerId: 'w1',
      logger: recordingLogger(logs),
    })
    await streams.start()
    try {
      const input = await driveInput(topics.input, { keys: 100, rounds: 5, brokers })
      expect((await verifyOutputs(topics, input, { exactlyOnce: true, brokers })).missing).toEqual([])
      await restartBroker(OWN_BROKER)
      await driveInput(topics.input, { keys: 100, rounds: 5, startRound: 5, input, brokers })
      const verdict = await verifyOutputs(topics, input, { exactlyOnce: true, brokers })
      expect(verdict).toMatchObject({ missing: [], duplicates: [], wrongAggregates: [], wrongGroups: [] })
      expect(verdict.echoCount).toBe(1000)
      expect(streams.state).toBe('running')
      // The outage is visible in the log: a recovery with its attempt number.
      expect(logs.some((l) => l.startsWith('ERROR recovering from') && l.includes('"attempt"'))).toBe(true)
    } catch (error) {
      console.error(logs.slice(-40).join('\n'))
      throw error
    } finally {
      await streams.close()
    }
  }, 170_000)
})
