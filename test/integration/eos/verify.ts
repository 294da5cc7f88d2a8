/**
 * @module
 * The verifier of the runtime's exactly-once tests: reads the outputs with kafkajs in
 * read_committed mode and compares them with a recomputation from the input; checks that no
 * transaction was left open (last stable offset = high watermark on every partition).
 */
import { Consumer } from '@platformatic/kafka'
import { readCommitted } from '../../helpers/kafka.ts'
import type { Aggregate, EchoTopics } from './echo-topology.ts'

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
  opts: { exactlyOnce: boolean },
): Promise<Verdict> {
  const expected = [...input.values()].reduce((a, v) => a + v.length, 0)
  const seen = new Map<string, number>()
  const echo = await readCommitted(topics.echo, {
    until: (records) => {
      return new Set(records.map((r) => `${r.key}:${r.value}`)).size >= expected
    },
    timeoutMs: 90_000,
  })
  for (const r of echo) seen.set(`${r.key}:${r.value}`, (seen.get(`${r.key}:${r.value}`) ?? 0) + 1)
  const missing: string[] = []
  for (const [key, values] of input) for (const v of values) if (!seen.has(`${key}:${v}`)) missing.push(`${key}:${v}`)
  const duplicates = opts.exactlyOnce ? [...seen].filter(([, n]) => n > 1).map(([k]) => k) : []
  const wrongAggregates: string[] = []
  const aggs = await readCommitted(topics.agg, {
    until: (records) => {
      const last = new Map(records.map((r) => [r.key, JSON.parse(r.value!) as Aggregate]))
      return [...input].every(
        ([k, v]) => last.get(k)?.count === v.length || (!opts.exactlyOnce && (last.get(k)?.count ?? 0) >= v.length),
      )
    },
    timeoutMs: 60_000,
  }).catch(() => [])
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
  const groupOut = await readCommitted(topics.group, {
    until: (records) => {
      const last = new Map(records.map((r) => [r.key, JSON.parse(r.value!) as Aggregate]))
      return [...groups].every(([k, v]) => (last.get(k)?.count ?? 0) >= v.length)
    },
    timeoutMs: 60_000,
  }).catch(() => [])
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
