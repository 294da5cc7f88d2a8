/**
 * @module
 * The verifier of the runtime's exactly-once tests: reads the outputs with kafkajs in
 * read_committed mode and compares them with a recomputation from the input; checks that no
 * transaction was left open (last stable offset = high watermark on every partition).
 */
import { Consumer } from '@platformatic/kafka'
import { readCommitted, withAdmin } from '../../helpers/kafka.ts'
import type { Aggregate, EchoTopics } from './echo-topology.ts'
import { readToEnd } from './read-to-end.ts'

/** Input as written by the driver: key -> sequence numbers. */
export type DriverInput = Map<string, number[]>

/** What the verifier found wrong (empty when all is well). */
export interface Verdict {
  echoCount: number
  missing: string[]
  duplicates: string[]
  wrongAggregates: string[]
  wrongGroups: string[]
}

function recompute(values: number[]): Aggregate {
  return {
    count: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    min: Math.min(...values),
    max: Math.max(...values),
  }
}

/**
 * Reads echo, aggregate and group outputs and checks them against the input.
 *
 * @example
 * ```ts
 * const verdict = await verifyOutputs(topics, input, { exactlyOnce: true })
 * ```
 */
export async function verifyOutputs(
  topics: EchoTopics,
  input: DriverInput,
  opts: { exactlyOnce: boolean; brokers?: string[] },
): Promise<Verdict> {
  const expected = [...input.values()].reduce((a, v) => a + v.length, 0)
  const seen = new Map<string, number>()
  const unique = new Set<string>()
  const echo = await readCommitted(topics.echo, {
    ...(opts.brokers ? { brokers: opts.brokers } : {}),
    until: (records) => {
      const r = records[records.length - 1]!
      unique.add(`${r.key}:${r.value}`)
      return unique.size >= expected
    },
    timeoutMs: 90_000,
  })
  for (const r of echo) seen.set(`${r.key}:${r.value}`, (seen.get(`${r.key}:${r.value}`) ?? 0) + 1)
  const missing: string[] = []
  for (const [key, values] of input) for (const v of values) if (!seen.has(`${key}:${v}`)) missing.push(`${key}:${v}`)
  const duplicates = opts.exactlyOnce ? [...seen].filter(([, n]) => n > 1).map(([k]) => k) : []
  const wrongAggregates: string[] = []
  const aggs = await readUntilComplete(topics.agg, input, opts.exactlyOnce, opts.brokers)
  const lastAgg = new Map(aggs.map((r) => [r.key, JSON.parse(r.value!) as Aggregate]))
  for (const [key, values] of input) {
    const want = recompute(values)
    const got = lastAgg.get(key)
    const ok = opts.exactlyOnce
      ? JSON.stringify(got) === JSON.stringify(want)
      : got !== undefined && got.count >= want.count && got.max === want.max
    if (!ok) wrongAggregates.push(`${key}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`)
  }
  const groups = new Map<string, number[]>()
  for (const [key, values] of input) {
    const g = String(Number(key) % 7)
    groups.set(g, [...(groups.get(g) ?? []), ...values])
  }
  const groupOut = await readUntilComplete(topics.group, groups, opts.exactlyOnce, opts.brokers)
  const lastGroup = new Map(groupOut.map((r) => [r.key, JSON.parse(r.value!) as Aggregate]))
  const wrongGroups: string[] = []
  for (const [g, values] of groups) {
    const want = recompute(values)
    const got = lastGroup.get(g)
    const ok = opts.exactlyOnce
      ? JSON.stringify(got) === JSON.stringify(want)
      : got !== undefined && got.count >= want.count
    if (!ok) wrongGroups.push(`${g}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`)
  }
  return { echoCount: echo.length, missing, duplicates, wrongAggregates, wrongGroups }
}

/**
 * Partitions whose last stable offset lags the high watermark (a transaction still open).
 *
 * @example
 * ```ts
 * expect(await openTransactions(brokers, ['echo'])).toEqual([])
 * ```
 */
export async function openTransactions(brokers: string[], topics: string[]): Promise<string[]> {
  const consumer = new Consumer({ clientId: 'eos-verifier', groupId: 'eos-verifier', bootstrapBrokers: brokers })
  try {
    const stable = await consumer.listOffsets({ topics, isolationLevel: 1 })
    const high = await consumer.listOffsets({ topics, isolationLevel: 0 })
    const open: string[] = []
    for (const t of topics) {
      stable.get(t)!.forEach((lso, p) => {
        if (lso !== high.get(t)![p]) open.push(`${t}-${p}: LSO ${lso} < HW ${high.get(t)![p]}`)
      })
    }
    return open
  } finally {
    await consumer.close(true)
  }
}

/**
 * Waits until the application's group has committed the end of the input on every partition (the
 * workers are done), so the verifier reads settled outputs.
 *
 * @example
 * ```ts
 * await waitForCommittedInput('crash-eos', 'in', 120_000)
 * ```
 */
export async function waitForCommittedInput(groupId: string, topic: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  await withAdmin(async (admin) => {
    for (;;) {
      const ends = await admin.fetchTopicOffsets(topic)
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] })
      const lagging = ends.filter(
        (e) => committed?.partitions.find((p) => p.partition === e.partition)?.offset !== e.high,
      )
      if (lagging.length === 0) return
      if (Date.now() > deadline) throw new Error(`group ${groupId} still lags on ${topic}: ${JSON.stringify(lagging)}`)
      await new Promise((r) => setTimeout(r, 500))
    }
  })
}

/** Re-reads an aggregate topic until every key's last value counts all its inputs (or 60 s pass). */
async function readUntilComplete(topic: string, input: DriverInput, exact: boolean, brokers?: string[]) {
  const deadline = Date.now() + 60_000
  for (;;) {
    const records = await readToEnd(topic, 60_000, brokers)
    const last = new Map(records.map((r) => [r.key, JSON.parse(r.value!) as Aggregate]))
    const done = [...input].every(([k, v]) =>
      exact ? last.get(k)?.count === v.length : (last.get(k)?.count ?? 0) >= v.length,
    )
    if (done || Date.now() > deadline) return records
    await new Promise((r) => setTimeout(r, 500))
  }
}
