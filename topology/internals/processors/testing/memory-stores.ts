/**
 * @module
 * Minimal typed in-memory stores for the processor unit tests (the real stores live in stores/;
 * the golden tests run through the TopologyTestDriver on them). Keys are ordered by their
 * serialized bytes, like the real stores, so scans visit entries in the same order.
 */
import type { KeyValue, KeyValueStore, SessionStore, Windowed, WindowStore } from '../../../../stores/api.ts'
import type { Serde } from '../../../serdes.ts'

const hex = (b: Uint8Array | null) => Buffer.from(b ?? new Uint8Array(0)).toString('hex')

abstract class Base {
  readonly name: string
  readonly persistent = false
  constructor(name: string) {
    this.name = name
  }
  async init() {}
  async flush() {}
  async close() {}
  isOpen() {
    return true
  }
}

/** Key-value store ordered by serialized key. */
export class MemoryKeyValueStore<K, V> extends Base implements KeyValueStore<K, V> {
  readonly #serde: Serde<K>
  readonly #map = new Map<string, KeyValue<K, V>>()
  constructor(name: string, keySerde: Serde<K>) {
    super(name)
    this.#serde = keySerde
  }
  #id(key: K) {
    return hex(this.#serde.serialize('', key))
  }
  #sorted() {
    return [...this.#map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e)
  }
  async get(key: K) {
    return this.#map.get(this.#id(key))?.value
  }
  async put(key: K, value: V | null) {
    if (value === null) this.#map.delete(this.#id(key))
    else this.#map.set(this.#id(key), { key, value })
  }
  async putIfAbsent(key: K, value: V) {
    const old = await this.get(key)
    if (old === undefined) await this.put(key, value)
    return old
  }
  async putAll(entries: ReadonlyArray<KeyValue<K, V | null>>) {
    for (const e of entries) await this.put(e.key, e.value)
  }
  async delete(key: K) {
    const old = await this.get(key)
    this.#map.delete(this.#id(key))
    return old
  }
  async *range(from: K, to: K) {
    const [lo, hi] = [this.#id(from), this.#id(to)]
    for (const e of this.#sorted()) if (this.#id(e.key) >= lo && this.#id(e.key) <= hi) yield e
  }
  async *reverseRange(from: K, to: K) {
    const all: KeyValue<K, V>[] = []
    for await (const e of this.range(from, to)) all.push(e)
    yield* all.reverse()
  }
  async *prefixScan<P>(prefix: P, ser: (p: P) => Uint8Array) {
    const p = hex(ser(prefix))
    for (const e of this.#sorted()) if (this.#id(e.key).startsWith(p)) yield e
  }
  async *all() {
    yield* this.#sorted()
  }
  async approximateNumEntries() {
    return this.#map.size
  }
}

/** Window store; `retainDuplicates` keeps every put, as stream-stream joins need. */
export class MemoryWindowStore<K, V> extends Base implements WindowStore<K, V> {
  readonly retentionMs: number
  readonly windowSizeMs: number
  readonly #serde: Serde<K>
  readonly #dups: boolean
  #entries: { id: string; key: K; start: number; seq: number; value: V }[] = []
  #seq = 0
  #observed = -1
  constructor(name: string, keySerde: Serde<K>, retentionMs: number, windowSizeMs: number, retainDuplicates = false) {
    super(name)
    this.#serde = keySerde
    this.retentionMs = retentionMs
    this.windowSizeMs = windowSizeMs
    this.#dups = retainDuplicates
  }
  #id(key: K) {
    return hex(this.#serde.serialize('', key))
  }
  async put(key: K, value: V | null, windowStart: number) {
    this.#observed = Math.max(this.#observed, windowStart)
    if (windowStart <= this.#observed - this.retentionMs) return
    const id = this.#id(key)
    if (!this.#dups) this.#entries = this.#entries.filter((e) => !(e.id === id && e.start === windowStart))
    if (value !== null) this.#entries.push({ id, key, start: windowStart, seq: this.#seq++, value })
  }
  #live() {
    return this.#entries.filter((e) => e.start > this.#observed - this.retentionMs)
  }
  async fetch(key: K, windowStart: number) {
    const id = this.#id(key)
    return this.#live().find((e) => e.id === id && e.start === windowStart)?.value
  }
  async *fetchRange(key: K, from: number, to: number) {
    const id = this.#id(key)
    const hits = this.#live().filter((e) => e.id === id && e.start >= from && e.start <= to)
    for (const e of hits.sort((a, b) => a.start - b.start || a.seq - b.seq)) yield { key: e.start, value: e.value }
  }
  async *fetchAll(from: number, to: number) {
    const hits = this.#live().filter((e) => e.start >= from && e.start <= to)
    for (const e of hits.sort((a, b) => a.start - b.start || a.seq - b.seq)) {
      yield { key: { key: e.key, window: { start: e.start, end: e.start + this.windowSizeMs } }, value: e.value }
    }
  }
  async *all() {
    yield* this.fetchAll(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)
  }
}

/** Session store. */
export class MemorySessionStore<K, V> extends Base implements SessionStore<K, V> {
  readonly retentionMs: number
  readonly #serde: Serde<K>
  #entries: { id: string; key: Windowed<K>; value: V }[] = []
  constructor(name: string, keySerde: Serde<K>, retentionMs: number) {
    super(name)
    this.#serde = keySerde
    this.retentionMs = retentionMs
  }
  #id(key: K) {
    return hex(this.#serde.serialize('', key))
  }
  async put(sessionKey: Windowed<K>, value: V) {
    await this.remove(sessionKey)
    this.#entries.push({ id: this.#id(sessionKey.key), key: sessionKey, value })
  }
  async remove(k: Windowed<K>) {
    const id = this.#id(k.key)
    this.#entries = this.#entries.filter(
      (e) => !(e.id === id && e.key.window.start === k.window.start && e.key.window.end === k.window.end),
    )
  }
  async *findSessions(key: K, earliestEnd: number, latestStart: number) {
    const id = this.#id(key)
    const hits = this.#entries.filter(
      (e) => e.id === id && e.key.window.end >= earliestEnd && e.key.window.start <= latestStart,
    )
    yield* hits.sort((a, b) => a.key.window.end - b.key.window.end).map((e) => ({ key: e.key, value: e.value }))
  }
  async fetchSession(key: K, start: number, end: number) {
    const id = this.#id(key)
    return this.#entries.find((e) => e.id === id && e.key.window.start === start && e.key.window.end === end)?.value
  }
  async *fetch(key: K) {
    yield* this.findSessions(key, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)
  }
}
