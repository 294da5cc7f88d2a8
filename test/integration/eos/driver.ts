/**
 * @module
 * The driver of the runtime's exactly-once tests: writes keys '0'..'<keys-1>' with per-key
 * increasing sequence numbers (as values) to the input topic with kafkajs, in small batches, and
 * remembers what it wrote.
 */
import { kafkajsClient } from '../../helpers/kafka.ts'
import type { DriverInput } from './verify.ts'

/**
 * Writes `rounds` sequence numbers for each of `keys` keys, pausing `pauseMs` between rounds.
 *
 * @example
 * ```ts
 * const input = await driveInput('eos-in', { keys: 1000, rounds: 5 })
 * ```
 */
export async function driveInput(
  topic: string,
  opts: {
    keys: number
    rounds: number
    pauseMs?: number
    input?: DriverInput
    startRound?: number
    poison?: boolean
    brokers?: string[]
  },
): Promise<DriverInput> {
  const input = opts.input ?? new Map<string, number[]>()
  const producer = kafkajsClient(opts.brokers).producer({ idempotent: true, maxInFlightRequests: 1 })
  await producer.connect()
  try {
    const from = opts.startRound ?? 0
    for (let round = from; round < from + opts.rounds; round++) {
      const messages = []
      for (let k = 0; k < opts.keys; k++) {
        messages.push({ key: String(k), value: String(round) })
        input.set(String(k), [...(input.get(String(k)) ?? []), round])
      }
      if (opts.poison && round === from) messages.push({ key: '0', value: 'not-a-number' })
      await producer.send({ topic, messages })
      if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs))
    }
  } finally {
    await producer.disconnect()
  }
  return input
}
