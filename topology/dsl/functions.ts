/**
 * @module
 * The function types the DSL takes: predicates, mappers, joiners, aggregators, extractors.
 * Mappers of values receive the key as an optional second argument (Kafka's ValueMapperWithKey).
 */
import type { KeyValue } from '../../stores/api.ts'
import type { Record, RecordMetadata } from '../processor.ts'

/** Decides whether a record passes, e.g. `(key, value) => value.speed > 300`. */
export type Predicate<K, V> = (key: K, value: V) => boolean

/** Maps a value, e.g. `(value) => value.toUpperCase()`; the key is given read-only. */
export type ValueMapper<V, VR, K = unknown> = (value: V, key: K) => VR

/** Maps a key and value to a new key and value, e.g. `(k, v) => ({ key: v.car, value: v })`. */
export type KeyValueMapper<K, V, R> = (key: K, value: V) => R

/** Joins two values, e.g. `(lap, driver) => ({ ...lap, driver: driver.name })`. */
export type ValueJoiner<V1, V2, VR> = (value1: V1, value2: V2) => VR

/** Gives the initial aggregate, e.g. `() => 0`. */
export type Initializer<VA> = () => VA

/** Adds a value to an aggregate, e.g. `(key, value, total) => total + value`. */
export type Aggregator<K, V, VA> = (key: K, value: V, aggregate: VA) => VA

/** Combines two values, e.g. `(a, b) => a + b`. */
export type Reducer<V> = (aggregate: V, value: V) => V

/** A side effect per record, e.g. `(k, v) => console.log(k, v)`. */
export type ForeachAction<K, V> = (key: K, value: V) => void

/** Gives the event time of a consumed record; `partitionTime` is the stream time so far. */
export type TimestampExtractor<K = unknown, V = unknown> = (record: Record<K, V>, partitionTime: number) => number

/** Picks the output topic per record, e.g. `(k, v) => `laps-${v.session}``. */
export type TopicNameExtractor<K, V> = (key: K, value: V, context: RecordMetadata | undefined) => string

/** Picks the partition of an output record; `undefined` falls back to the default partitioner. */
export type StreamPartitioner<K, V> = (topic: string, key: K, value: V, numPartitions: number) => number | undefined

export type { KeyValue }
