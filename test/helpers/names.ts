/**
 * @module
 * Unique topic, group and transactional-id names for integration tests, so that tests run in
 * parallel and repeatedly against one long-lived broker without seeing each other's data.
 */
import { randomBytes } from 'node:crypto'

let counter = 0

/**
 * A name no other test run uses: `<prefix>-<pid>-<time>-<counter>-<random>` (valid as a Kafka topic).
 *
 * @example
 * ```ts
 * uniqueName('laps') // 'laps-4242-mdx1a2-1-9f3c'
 * ```
 */
export function uniqueName(prefix: string): string {
  counter += 1
  const safe = prefix.replace(/[^a-zA-Z0-9._-]/g, '-')
  return `${safe}-${process.pid}-${Date.now().toString(36)}-${counter}-${randomBytes(2).toString('hex')}`
}

/**
 * A unique topic name.
 *
 * @example
 * ```ts
 * const topic = uniqueTopic('telemetry')
 * ```
 */
export function uniqueTopic(prefix = 'topic'): string {
  return uniqueName(`it-${prefix}`)
}

/**
 * A unique consumer group id (also fine as an application id or transactional id).
 *
 * @example
 * ```ts
 * const groupId = uniqueGroup('reader')
 * ```
 */
export function uniqueGroup(prefix = 'group'): string {
  return uniqueName(`it-${prefix}`)
}
