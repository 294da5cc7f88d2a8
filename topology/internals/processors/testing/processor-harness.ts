/**
 * @module
 * Runs processors on real in-memory stores and captures what it forwards, for unit tests of the
 * window and join processors.
 */
import type { StateStore } from '../../../../stores/api.ts'
import type { Processor, ProcessorContext, Record } from '../../../processor.ts'

/** What a test sees of a forwarded record. */
export interface Captured {
  readonly key: unknown
  readonly value: unknown
  readonly timestamp: number
}

/**
 * A harness around processors that share a set of stores (both sides of a join share one).
 *
 * @example
 * ```ts
 * const h = new ProcessorHarness([store]); const p = await h.add(windowAggregate(opts)); await h.pipe(p, 'k', 1, 10)
 * ```
 */
export class ProcessorHarness {
  readonly output: Captured[] = []
  readonly metrics = new Map<string, number>()
  readonly #stores: Map<string, StateStore>
  systemTime = 0
  streamTime = -1

  constructor(stores: StateStore[]) {
    this.#stores = new Map(stores.map((s) => [s.name, s]))
  }

  async add<K, V, KO, VO>(processor: Processor<K, V, KO, VO>): Promise<Processor<K, V, KO, VO>> {
    for (const store of this.#stores.values()) {
      if (!store.isOpen())
        await store.init({
          applicationId: 'test',
          taskId: '0_0',
          taskDir: '/nonexistent',
          currentTimestamp: () => this.streamTime,
        })
    }
    const ctx: ProcessorContext<KO, VO> = {
      taskId: '0_0',
      applicationId: 'test',
      forward: async (r) => {
        this.output.push({ key: r.key, value: r.value, timestamp: r.timestamp })
      },
      getStateStore: <S extends StateStore>(name: string) => this.#stores.get(name) as S,
      schedule: () => ({ cancel() {} }),
      currentStreamTime: () => this.streamTime,
      currentSystemTime: () => this.systemTime,
      recordMetadata: () => undefined,
      recordMetric: (name, delta = 1) => {
        this.metrics.set(name, (this.metrics.get(name) ?? 0) + delta)
      },
    }
    await processor.init?.(ctx)
    return processor
  }

  async pipe<K, V>(processor: Processor<K, V, unknown, unknown>, key: K, value: V, timestamp: number): Promise<void> {
    this.streamTime = Math.max(this.streamTime, timestamp)
    const record: Record<K, V> = { key, value, timestamp, headers: {} }
    await processor.process(record)
  }

  /** Returns and clears the captured output. */
  drain(): Captured[] {
    return this.output.splice(0)
  }
}
