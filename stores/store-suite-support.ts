/**
 * @module
 * Helpers of the shared store suite: a harness that gives each store run its own temporary task
 * directory and context, and small comparison helpers for byte keys.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import type { ChangelogWriter, StateStoreContext } from './api.ts'
import { compareBytes } from './internals/key-encoding.ts'

/** What the suite needs from its environment. */
export interface StoreHarness {
  readonly numRuns: number
  /** A fresh context (and task directory) for one store. */
  context(changelog?: ChangelogWriter): StateStoreContext
  uniqueName(prefix: string): string
  /** Removes every directory the harness created. */
  cleanup(): void
}

/**
 * A harness with task directories under one temporary root.
 *
 * @example
 * ```ts
 * const harness = createHarness(20); afterAll(() => harness.cleanup())
 * ```
 */
export function createHarness(numRuns: number): StoreHarness {
  const root = mkdtempSync(join(tmpdir(), 'pitwall-stores-'))
  let counter = 0
  return {
    numRuns,
    context: (changelog) => ({
      applicationId: 'suite',
      taskId: '0_0',
      taskDir: join(root, `task-${counter++}`),
      ...(changelog === undefined ? {} : { changelog }),
      currentTimestamp: () => 42,
    }),
    uniqueName: (prefix) => `${prefix}-${counter++}`,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  }
}

/** Byte keys over a tiny alphabet that includes the escape byte 0x00 and 0xFF, so prefixes and escapes collide often. */
export const keyArb = fc.uint8Array({ minLength: 0, maxLength: 3 }).map((a) => a.map((b) => [0, 1, 0xff, 0x61][b % 4]!))

/** Hex of bytes: hex strings compare like the bytes. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}

/** Orders tuples by their first element, a byte key. */
export function byKey(a: readonly [Uint8Array, ...unknown[]], b: readonly [Uint8Array, ...unknown[]]): number {
  return compareBytes(a[0], b[0])
}

/** Drains an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}
