/**
 * @module
 * Pitwall's configuration: one table of settings ({@link CONFIG_SETTINGS}), each read from a PITWALL_*
 * environment variable or the matching `--flag` (flags win), validated with zod at start-up. Unknown
 * PITWALL_* variables and unknown flags are rejected, and a malformed value is reported with the
 * variable's name and the expected form. README's table and redpanda.yml's test are checked against it.
 */
import type { z } from 'zod'
import { CONFIG_SETTINGS, type SettingSpec } from './config-settings.ts'
import { ErrorCodes, PitwallError } from './errors.ts'

export { CONFIG_SETTINGS, type SettingSpec }

type Settings = typeof CONFIG_SETTINGS

/** The validated configuration: one typed field per setting. */
export type PitwallConfig = { [K in keyof Settings]: z.output<Settings[K]['schema']> } & { commitIntervalMs: number }

/** Where configuration comes from: the environment and the command line (`--name value` or `--name=value`). */
export interface ConfigSources {
  env?: Readonly<Record<string, string | undefined>>
  argv?: readonly string[]
}

/**
 * The CLI flag of a setting: PITWALL_APPLICATION_ID → `--application-id`.
 *
 * @example
 * ```ts
 * flagOf('PITWALL_S3_BUCKET') // '--s3-bucket'
 * ```
 */
export function flagOf(env: string): string {
  return `--${env
    .replace(/^PITWALL_/, '')
    .toLowerCase()
    .replaceAll('_', '-')}`
}

/**
 * Reads and validates the configuration. Throws a PitwallError (CONFIG_UNKNOWN_KEY or CONFIG_INVALID)
 * whose message names the variable or flag and the expected form.
 *
 * @example
 * ```ts
 * const config = loadConfig({ env: process.env, argv: process.argv.slice(2) })
 * config.processingGuarantee // 'exactly_once_v2'
 * ```
 */
export function loadConfig(sources: ConfigSources = {}): PitwallConfig {
  const env = sources.env ?? process.env
  const byEnv = new Map(Object.values(CONFIG_SETTINGS).map((spec) => [spec.env as string, spec]))
  for (const key of Object.keys(env)) {
    if (key.startsWith('PITWALL_') && !byEnv.has(key)) {
      throw new PitwallError(ErrorCodes.CONFIG_UNKNOWN_KEY, `unknown environment variable ${key}: ${knownList()}`, {
        details: { variable: key },
      })
    }
  }
  const flags = parseFlags(sources.argv ?? [], byEnv)
  const config: Record<string, unknown> = {}
  for (const [key, spec] of Object.entries(CONFIG_SETTINGS) as [string, SettingSpec<unknown>][]) {
    const fromFlag = flags.get(spec.env)
    const raw = fromFlag ?? (env[spec.env] === '' ? undefined : env[spec.env]) ?? spec.default
    const parsed = spec.schema.safeParse(raw)
    if (!parsed.success) {
      const source = fromFlag !== undefined ? flagOf(spec.env) : spec.env
      const reason = parsed.error.issues[0]?.message ?? 'invalid'
      throw new PitwallError(
        ErrorCodes.CONFIG_INVALID,
        `${source}=${JSON.stringify(raw)} is malformed (${reason}): expected ${spec.form}`,
        { details: { variable: spec.env, value: raw } },
      )
    }
    config[key] = parsed.data
  }
  config.commitIntervalMs ??= config.processingGuarantee === 'exactly_once_v2' ? 100 : 30_000
  return config as PitwallConfig
}

function parseFlags(argv: readonly string[], byEnv: Map<string, SettingSpec<unknown>>): Map<string, string> {
  const byFlag = new Map([...byEnv.keys()].map((env) => [flagOf(env), env]))
  const flags = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) continue
    const eq = arg.indexOf('=')
    const flag = eq === -1 ? arg : arg.slice(0, eq)
    const env = byFlag.get(flag)
    if (env === undefined) {
      throw new PitwallError(ErrorCodes.CONFIG_UNKNOWN_KEY, `unknown flag ${flag}: ${knownList(true)}`, {
        details: { flag },
      })
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
    if (value === undefined) {
      throw new PitwallError(ErrorCodes.CONFIG_INVALID, `flag ${flag} needs a value: ${byEnv.get(env)!.form}`, {
        details: { flag },
      })
    }
    flags.set(env, value)
  }
  return flags
}

function knownList(asFlags = false): string {
  const names = Object.values(CONFIG_SETTINGS).map((spec) => (asFlags ? flagOf(spec.env) : spec.env))
  return `known ones are ${names.join(', ')}`
}

/**
 * The settings as a Markdown table (variable, flag, default, form, meaning), as in the README.
 *
 * @example
 * ```ts
 * console.log(configMarkdownTable())
 * ```
 */
export function configMarkdownTable(): string {
  const rows = Object.values(CONFIG_SETTINGS).map(
    (spec) =>
      `| \`${spec.env}\` | \`${flagOf(spec.env)}\` | ${spec.default === undefined ? '(unset)' : `\`${spec.default}\``} | ${spec.form.replaceAll('|', '\\|')} | ${spec.description} |`,
  )
  return ['| variable | flag | default | form | meaning |', '| --- | --- | --- | --- | --- |', ...rows].join('\n')
}
