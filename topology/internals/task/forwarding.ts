/**
 * @module
 * The one forwarding helper of the task. Processing is async only where a store is: a chain of
 * stateless nodes runs synchronously and returns `undefined`, so the hot path allocates no
 * promise; the first pending promise switches the rest of the fan-out to an async loop that keeps
 * children in order.
 */
import type { Record } from '../../processor.ts'

/** A running node: a source, processor or sink of one task. */
export interface RuntimeNode {
  readonly name: string
  process(record: Record<unknown, unknown>): void | Promise<void>
}

/** The promise `ProcessorContext.forward()` returns when the children finished synchronously. */
export const RESOLVED: Promise<void> = Promise.resolve()

/**
 * Passes `record` to every child in order; returns a promise only if a child is still pending.
 *
 * @example
 * ```ts
 * const pending = forwardToAll(node.children, record)
 * if (pending !== undefined) await pending
 * ```
 */
export function forwardToAll(children: readonly RuntimeNode[], record: Record<unknown, unknown>): void | Promise<void> {
  const n = children.length
  if (n === 1) return children[0]!.process(record)
  for (let i = 0; i < n; i++) {
    const pending = children[i]!.process(record)
    if (pending !== undefined && pending !== RESOLVED) return continueAfter(pending, children, i + 1, record)
  }
}

async function continueAfter(
  pending: Promise<void>,
  children: readonly RuntimeNode[],
  from: number,
  record: Record<unknown, unknown>,
): Promise<void> {
  await pending
  for (let i = from; i < children.length; i++) {
    const next = children[i]!.process(record)
    if (next !== undefined && next !== RESOLVED) await next
  }
}
