#!/usr/bin/env node
/**
 * @module
 * The `pitwall` command: one entry for the worker, the F1 sources and the local infrastructure
 * (`npx pitwall <command>`, or `npm run pitwall -- <command>`). Each command runs its script as a
 * child process on the same Node, with the same stdio; SIGINT/SIGTERM are passed on, so a worker
 * still commits, checkpoints and leaves its group, and the exit code is the script's.
 */
import { spawn } from 'node:child_process'
import { constants } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** A command: the script it runs and the arguments that come before the user's. */
export interface PitwallCommand {
  readonly usage: string
  readonly summary: string
  readonly script: string
  readonly args?: readonly string[]
}

/** Every command, by its words. */
export const COMMANDS: Readonly<Record<string, PitwallCommand>> = {
  worker: {
    usage: 'worker --topology <module> [--worker-id id] [--dead-letter-topic t] [config flags]',
    summary: 'run a topology worker (exactly_once_v2 unless --processing-guarantee says otherwise)',
    script: 'topology/cli/worker.ts',
  },
  'f1 worker': {
    usage: 'f1 worker [--worker-id id] [config flags]',
    summary: 'run the F1 topology worker; bad records go to f1.telemetry.quarantine',
    script: 'topology/cli/worker.ts',
    args: ['--topology', join(root, 'topology/f1/worker.ts'), '--dead-letter-topic', 'f1.telemetry.quarantine'],
  },
  'f1 source': {
    usage: 'f1 source <simulator|udp|openf1> [options]',
    summary: 'produce an F1 source to the F1 topics (the simulator, F1 game UDP or a capture, an OpenF1 dump)',
    script: 'scripts/f1-source.ts',
  },
  'f1 score': {
    usage: 'f1 score [--broker] [--cars 20] [--laps 55] [--seed 1]',
    summary: 'run a simulated race and score anomaly detection and lap tables against the ground truth',
    script: 'scripts/f1-score.ts',
  },
  broker: {
    usage: 'broker <start|stop|status|log|restart>',
    summary: 'the local Apache Kafka broker (KRaft, 127.0.0.1:19092)',
    script: 'scripts/broker.ts',
  },
  minio: { usage: 'minio <start|stop|status|log|build>', summary: 'the local MinIO (S3)', script: 'scripts/minio.ts' },
  stack: {
    usage: 'stack [service...]',
    summary: 'the local stack: broker, S3, F1 worker and simulator (what npm start runs)',
    script: 'scripts/stack.ts',
  },
  bench: { usage: 'bench [--profile smoke|full]', summary: 'the benchmark suite', script: 'bench/run.ts' },
  chaos: { usage: 'chaos [--profile smoke|full]', summary: 'the chaos suite', script: 'bench/chaos/run.ts' },
}

/**
 * Finds the command named by the first words of `argv` (two-word commands first).
 *
 * @example
 * ```ts
 * resolveCommand(['f1', 'worker', '--worker-id', 'a']) // { command: COMMANDS['f1 worker'], rest: ['--worker-id', 'a'] }
 * ```
 */
export function resolveCommand(argv: readonly string[]): { command: PitwallCommand; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const command = COMMANDS[argv.slice(0, words).join(' ')]
    if (argv.length >= words && command !== undefined) return { command, rest: argv.slice(words) }
  }
  return undefined
}

/**
 * The help text.
 *
 * @example
 * ```ts
 * process.stdout.write(helpText())
 * ```
 */
export function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length))
  const lines = Object.values(COMMANDS).map((c) => `  pitwall ${c.usage.padEnd(width)}  ${c.summary}`)
  return `Usage: pitwall <command> [options]\n\n${lines.join('\n')}\n\nConfiguration: PITWALL_* variables or flags (README.md).\n`
}

function run(argv: readonly string[]): void {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(helpText())
    return
  }
  const found = resolveCommand(argv)
  if (found === undefined) {
    process.stderr.write(`pitwall: unknown command '${argv.slice(0, 2).join(' ')}'\n\n${helpText()}`)
    process.exit(2)
  }
  const child = spawn(
    process.execPath,
    [join(root, found.command.script), ...(found.command.args ?? []), ...found.rest],
    {
      stdio: 'inherit',
    },
  )
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (signal === null ? 0 : constants.signals[signal])))
}

if (import.meta.main) run(process.argv.slice(2))
