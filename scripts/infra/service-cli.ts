/**
 * @module
 * The shared command line of the service scripts (`node scripts/broker.ts start|stop|status|log`):
 * runs the named command, prints its answer, and prints a failure as one message (no stack trace)
 * with exit code 1.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describeError, isPitwallError } from '../../core/errors.ts'

/** The commands of one service script, each answering with the text to print. */
export type ServiceCommands = Record<string, () => Promise<string>>

/**
 * Runs the command named by the first CLI argument.
 *
 * @example
 * ```ts
 * await runServiceCli('minio', { start: async () => 'started', stop: async () => 'stopped' })
 * ```
 */
export async function runServiceCli(
  service: string,
  commands: ServiceCommands,
  argv = process.argv.slice(2),
): Promise<void> {
  const name = argv[0] ?? ''
  const command = commands[name]
  if (!command) {
    console.error(`usage: node scripts/${service}.ts ${Object.keys(commands).join('|')}`)
    process.exitCode = 2
    return
  }
  try {
    console.log(await command())
  } catch (error) {
    console.error(`${service} ${name} failed: ${describeError(error)}`)
    if (isPitwallError(error) && typeof error.details.lastLines === 'string' && error.details.lastLines) {
      console.error(error.details.lastLines)
    }
    process.exitCode = 1
  }
}

/**
 * The last `lines` lines of a text file, or '' when it does not exist.
 *
 * @example
 * ```ts
 * console.error(tailFile('.cache/kafka/run-19092/logs/server.log', 20))
 * ```
 */
export function tailFile(path: string, lines: number): string {
  if (!existsSync(path)) return ''
  const text = readFileSync(path, 'utf8')
  return `${text
    .split('\n')
    .slice(-lines - 1)
    .join('\n')}\n`
}
