/**
 * @module
 * The contract of one service of `npm start` (scripts/stack.ts): start it with the validated config
 * and what earlier services provided, get back where it runs, where it logs and how to stop it.
 */
import type { PitwallConfig } from '../../core/config.ts'
import type { Logger } from '../../core/logger.ts'

/** What a service gets at start: the config, a logger, and the facts earlier services published. */
export interface StackContext {
  config: PitwallConfig
  log: Logger
  /** Facts published by services started before, e.g. `brokers` and `s3` (read-write: publish yours). */
  provided: StackProvided
  /** Aborted on Ctrl-C: long-running services stop their loops. */
  signal: AbortSignal
}

/** Facts services hand to the ones after them. Extend it as services are added. */
export interface StackProvided {
  brokers?: string[]
  s3?: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }
  [fact: string]: unknown
}

/** A started service. */
export interface RunningService {
  /** One line: what runs and where, e.g. 'Apache Kafka on 127.0.0.1:19092 (started)'. */
  summary: string
  /** Where its logs go, if not to this terminal. */
  logFile?: string
  /** Stops it (only what this run started; reused infrastructure keeps running). */
  stop(): Promise<void>
}

/**
 * One entry of the stack's service list.
 *
 * @example
 * ```ts
 * const api: StackService = { name: 'api', description: 'query API', start: async (ctx) => startApi(ctx) }
 * ```
 */
export interface StackService {
  name: string
  description: string
  start(context: StackContext): Promise<RunningService>
}
