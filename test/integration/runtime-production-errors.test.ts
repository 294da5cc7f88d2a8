import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Consumed, Produced, Serdes, StreamsBuilder } from '../../topology/index.ts'
import { PitwallStreams, type StreamsState } from '../../topology/runtime/pitwall-streams.ts'
import { createTopics, kafkajsClient, readCommitted, testBrokers } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'

const dirs: string[] = []
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true })
})

/** Copies `in` to `out`, blowing 'big' up to 2 MB (more than the broker and the runtime accept). */
function topology(input: string, output: string) {
  const builder = new StreamsBuilder()
  builder
    .stream(input, Consumed.with(Serdes.string(), Serdes.string()))
    .mapValues((v) => (v === 'big' ? 'x'.repeat(2_000_000) : v))
    .to(output, Produced.with(Serdes.string(), Serdes.string()))
  return builder.build()
}

async function setup(values: string[]) {
  const input = uniqueTopic('in')
  const output = uniqueTopic('out')
  const dlq = uniqueTopic('dlq')
  await createTopics([input, output, dlq], 1)
  const producer = kafkajsClient().producer()
  await producer.connect()
  await producer.send({ topic: input, messages: values.map((value, i) => ({ key: String(i), value })) })
  await producer.disconnect()
  const stateDir = await mkdtemp(join(tmpdir(), 'pitwall-prod-'))
  dirs.push(stateDir)
  return { input, output, dlq, stateDir }
}

describe('production errors under exactly_once_v2', () => {
  it("'continue': a record too large is dead-lettered with the reason and its input's coordinates; the rest flows", async () => {
    const t = await setup(['a', 'big', 'b'])
    const streams = new PitwallStreams(topology(t.input, t.output), {
      applicationId: uniqueName('rt-prod'),
      brokers: testBrokers(),
      stateDir: t.stateDir,
      workerId: 'w1',
      deadLetterTopic: t.dlq,
      productionErrorHandler: () => 'continue',
    })
    await streams.start()
    try {
      const out = await readCommitted(t.output, { count: 2 })
      expect(out.map((r) => r.value)).toEqual(['a', 'b'])
      const [letter] = await readCommitted(t.dlq, { count: 1 })
      expect(letter!.value).toBe('big')
      expect(letter!.headers['pitwall.error.code']).toBe('PITWALL_PRODUCTION')
      expect(letter!.headers['pitwall.error.message']).toMatch(/is 2000\d+ bytes, more than the 1000000 bytes allowed/)
      expect(letter!.headers['pitwall.source.topic']).toBe(t.input)
      expect(letter!.headers['pitwall.source.offset']).toBe('1')
      expect(streams.state).toBe('running')
    } finally {
      await streams.close()
    }
  })

  it("'fail' (the default): the worker stops in the error state and nothing of the failed transaction is visible", async () => {
    const t = await setup(['a', 'big', 'b'])
    const states: StreamsState[] = []
    const streams = new PitwallStreams(topology(t.input, t.output), {
      applicationId: uniqueName('rt-prod-fail'),
      brokers: testBrokers(),
      stateDir: t.stateDir,
      workerId: 'w1',
    })
    streams.onStateChange((s) => states.push(s))
    await streams.start()
    await new Promise<void>((resolve) => {
      const check = () => (streams.state === 'error' ? resolve() : setTimeout(check, 50))
      check()
    })
    expect(String((streams.error as Error).message)).toMatch(/more than the 1000000 bytes allowed/)
    await streams.close()
    expect(states.at(-1)).toBe('not_running')
    // 'a' was in the aborted transaction: read_committed never sees it.
    const seen = await readCommitted(t.output, { until: () => false, timeoutMs: 4_000 }).catch((e: Error) => e.message)
    expect(seen).toMatch(/got 0 records/)
  })
})
