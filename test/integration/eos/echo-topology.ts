/**
 * @module
 * The topology of the runtime's exactly-once tests, built with the DSL (modelled on Kafka's EOS
 * system test): reads `<input>` (key = '0'..'999', value = per-key sequence number as text), echoes
 * every record to `<echo>`, keeps per-key count/sum/min/max in a cached LevelDB store (`agg`) and
 * emits it to `<agg>`, and re-keys by `key % 7` through the `rekey` repartition topic into a second
 * cached LevelDB store (`group`) emitted to `<group>`. Topic names come from EOS_INPUT / EOS_ECHO /
 * EOS_AGG / EOS_GROUP when the worker CLI loads this module.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import {
  Consumed,
  Grouped,
  Materialized,
  Produced,
  type Serde,
  Serdes,
  StreamsBuilder,
  type Topology,
} from '../../../topology/index.ts'

/** Per-key aggregate. */
export interface Aggregate {
  count: number
  sum: number
  min: number
  max: number
}

/** Topic names of the test topology. */
export interface EchoTopics {
  input: string
  echo: string
  agg: string
  group: string
}

const text = Serdes.string()

/** Sequence numbers as decimal text; anything else is undecodable (a poison record). */
export const sequenceSerde: Serde<number> = {
  serialize: (topic, n) => text.serialize(topic, String(n)),
  deserialize: (topic, bytes) => {
    const s = text.deserialize(topic, bytes)
    const n = Number(s)
    if (s === null || s === '' || !Number.isInteger(n)) {
      throw new PitwallError(
        ErrorCodes.SERDE_DESERIALIZATION,
        `cannot deserialize record from topic '${topic}': '${s}' is not an integer`,
        { details: { topic } },
      )
    }
    return n
  },
}

const aggregateSerde = Serdes.json<Aggregate>()
const initial = (): Aggregate => ({ count: 0, sum: 0, min: Number.MAX_SAFE_INTEGER, max: Number.MIN_SAFE_INTEGER })
const fold = (_key: string, seq: number, a: Aggregate): Aggregate => ({
  count: a.count + 1,
  sum: a.sum + seq,
  min: Math.min(a.min, seq),
  max: Math.max(a.max, seq),
})

/**
 * The test topology for the given topics.
 *
 * @example
 * ```ts
 * const topology = echoTopology({ input: 'in', echo: 'echo', agg: 'agg', group: 'group' })
 * ```
 */
export function echoTopology(topics: EchoTopics): Topology {
  const builder = new StreamsBuilder()
  const input = builder.stream(topics.input, Consumed.with(text, sequenceSerde))
  input.to(topics.echo, Produced.with(text, sequenceSerde))
  input
    .groupByKey()
    .aggregate(initial, fold, Materialized.as<string, Aggregate>('agg').withValueSerde(aggregateSerde))
    .toStream()
    .to(topics.agg, Produced.with(text, aggregateSerde))
  input
    .groupBy((key) => String(Number(key) % 7), Grouped.as<string, number>('rekey').withKeySerde(text))
    .aggregate(initial, fold, Materialized.as<string, Aggregate>('group').withValueSerde(aggregateSerde))
    .toStream()
    .to(topics.group, Produced.with(text, aggregateSerde))
  return builder.build()
}

/** The worker CLI's entry: topics from the environment. */
export default function topology(): Topology {
  const env = process.env
  return echoTopology({
    input: env.EOS_INPUT ?? 'eos-input',
    echo: env.EOS_ECHO ?? 'eos-echo',
    agg: env.EOS_AGG ?? 'eos-agg',
    group: env.EOS_GROUP ?? 'eos-group',
  })
}
