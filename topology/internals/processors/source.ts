/**
 * @module
 * The running source node: deserializes a consumed record and extracts its event time. Errors
 * propagate to the task, which applies the deserialization error handler.
 */
import type { Record } from '../../processor.ts'
import type { CompiledSubtopology, SourceDef } from '../compile/node-defs.ts'
import type { ConsumedRecord } from '../runnable.ts'
import { forwardToAll, type RuntimeNode } from '../task/forwarding.ts'

/**
 * A source of one task.
 *
 * @example
 * ```ts
 * const rec = source.deserialize(consumed, streamTime)
 * await source.forward(rec)
 * ```
 */
export class SourceNode {
  readonly name: string
  readonly #def: SourceDef
  #children: readonly RuntimeNode[] = []

  constructor(def: SourceDef) {
    this.name = def.name
    this.#def = def
  }

  setChildren(children: readonly RuntimeNode[]): void {
    this.#children = children
  }

  /** The record as objects; throws PITWALL_SERDE_DESERIALIZATION when a serde cannot read it. */
  deserialize(raw: ConsumedRecord, streamTime: number): Record<unknown, unknown> {
    const def = this.#def
    const key = raw.key === null ? null : def.keySerde.deserialize(raw.topic, raw.key)
    const value = def.valueSerde.deserialize(raw.topic, raw.value)
    const record = { key, value, timestamp: raw.timestamp, headers: raw.headers }
    if (def.timestampExtractor !== undefined) record.timestamp = def.timestampExtractor(record, streamTime)
    return record
  }

  forward(record: Record<unknown, unknown>): void | Promise<void> {
    return forwardToAll(this.#children, record)
  }
}

/** The source def reading `topic` in a compiled sub-topology, if any. */
export function sourceDefFor(sub: CompiledSubtopology, topic: string): SourceDef | undefined {
  for (const node of sub.nodes) if (node.kind === 'source' && node.topics.includes(topic)) return node
  return undefined
}
