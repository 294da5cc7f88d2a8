/**
 * @module
 * Figures owned by other parts of Pitwall (stores, window aggregation, the F1 simulator...): each
 * has its own script in bench/ that prints its figures as JSON on stdout. The runner runs the
 * ones present and puts their figures into the same report.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { ErrorCodes, PitwallError } from '../../core/errors.ts'

/** One script of another part: where it is and its arguments per profile. */
export interface ExternalScript {
  readonly name: string
  /** Tried in order; the first existing path runs. */
  readonly paths: string[]
  readonly args: { readonly smoke: string[]; readonly full: string[] }
}

/** The scripts of other parts (each also gets `PITWALL_BENCH_PROFILE` and `PITWALL_BROKERS`). */
export const EXTERNAL_SCRIPTS: readonly ExternalScript[] = [
  {
    name: 'state stores',
    paths: ['bench/stores.bench.ts', 'bench/stores.ts'],
    args: { smoke: ['--keys', '20000', '--restore', '100000'], full: [] },
  },
  {
    name: 'state store restoration (changelog -> LevelDB, PitwallStreams)',
    paths: ['bench/restore.ts'],
    args: { smoke: ['--keys', '100000'], full: [] },
  },
  {
    name: 'window aggregation',
    paths: ['bench/window-aggregate.ts'],
    args: { smoke: ['--records', '5000'], full: [] },
  },
  {
    name: 'F1 topology at the 50-car load (TopologyTestDriver)',
    paths: ['bench/f1-topology.ts'],
    args: { smoke: ['--cars', '10'], full: ['--cars', '50'] },
  },
  {
    name: 'F1 simulator at the 50-car load',
    paths: ['bench/simulator.ts'],
    args: { smoke: ['--cars', '50', '--laps', '3'], full: ['--cars', '50'] },
  },
]

/** The outcome of one external script. */
export interface ExternalFigures {
  readonly name: string
  readonly script?: string
  readonly figures?: unknown
  readonly error?: string
  readonly ms?: number
}

const repoRoot = resolve(import.meta.dirname, '..', '..')

/**
 * Runs every present external script and collects its JSON output.
 *
 * @example
 * ```ts
 * const figures = await runExternal('smoke', ['127.0.0.1:19092'], console.log)
 * ```
 */
export async function runExternal(
  profile: string,
  brokers: string[],
  log: (line: string) => void,
): Promise<ExternalFigures[]> {
  const results: ExternalFigures[] = []
  for (const entry of EXTERNAL_SCRIPTS) {
    const script = entry.paths.find((p) => existsSync(resolve(repoRoot, p)))
    if (!script) {
      results.push({ name: entry.name, error: `not available yet (${entry.paths.join(' or ')} missing)` })
      continue
    }
    log(`external: ${entry.name} (${script})`)
    const started = performance.now()
    try {
      const args = profile === 'full' ? entry.args.full : entry.args.smoke
      const stdout = await runScript(script, args, profile, brokers)
      const command = [script, ...args].join(' ')
      results.push({
        name: entry.name,
        script: command,
        figures: parseJsonOutput(stdout),
        ms: performance.now() - started,
      })
    } catch (error) {
      results.push({
        name: entry.name,
        script,
        error: error instanceof Error ? error.message.slice(0, 500) : String(error),
      })
    }
  }
  return results
}

function runScript(script: string, args: string[], profile: string, brokers: string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [script, ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, PITWALL_BROKERS: brokers.join(','), PITWALL_BENCH_PROFILE: profile },
        timeout: 20 * 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout) => (error ? fail(error) : done(stdout)),
    )
  })
}

/**
 * The JSON a script printed: its whole stdout, or else its last line that parses.
 *
 * @example
 * ```ts
 * parseJsonOutput('warming up\n{"opsPerSecond": 1200}\n') // { opsPerSecond: 1200 }
 * ```
 */
export function parseJsonOutput(stdout: string): unknown {
  try {
    return JSON.parse(stdout)
  } catch {}
  const lines = stdout.trim().split('\n').reverse()
  for (const line of lines) {
    try {
      return JSON.parse(line)
    } catch {}
  }
  throw new PitwallError(ErrorCodes.RUNTIME_STATE, `bench: external script printed no JSON: ${stdout.slice(-300)}`)
}
