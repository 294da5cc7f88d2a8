/**
 * @module
 * Loading an OpenF1 dump: one `<endpoint>.json` file per endpoint (car_data.json, laps.json...),
 * each read forgivingly, each row validated, and every row given its event time so the replay can
 * merge all endpoints into one timeline. Bad rows are counted per endpoint with a sample reason.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readJsonArray } from './json-array.ts'
import { type Endpoint, endpoints, type RowOf } from './rows.ts'
import { epochMs } from './values.ts'

/** One valid row and its event time (`-Infinity` for reference rows: sessions, drivers, stints, undated laps). */
export interface TimedRow {
  endpoint: Endpoint
  row: RowOf<Endpoint>
  time: number
  /** Position in the merge order for rows of equal time. */
  order: number
}

/** What loading found, per endpoint. */
export interface EndpointReport {
  rows: number
  bad: number
  truncated: boolean
  /** The first few reasons rows were rejected ('[12] date: Invalid ISO datetime'). */
  reasons: string[]
  error?: string
}

/** The report of a whole dump. */
export type LoadReport = Partial<Record<Endpoint, EndpointReport>>

const priority = Object.keys(endpoints) as Endpoint[]

function timeOf(endpoint: Endpoint, row: Record<string, unknown>): number {
  if (endpoint === 'laps') {
    const start = epochMs(row.date_start as string | null)
    if (start === null) return Number.NEGATIVE_INFINITY
    const duration = row.lap_duration
    return typeof duration === 'number' ? start + duration * 1000 : start
  }
  // reference data goes first, so every later record can be joined with it
  if (endpoint === 'sessions' || endpoint === 'drivers' || endpoint === 'stints') return Number.NEGATIVE_INFINITY
  return epochMs(row.date as string) ?? Number.NEGATIVE_INFINITY
}

/**
 * Validates the rows of one endpoint's text.
 *
 * @example
 * ```ts
 * const { rows, report } = parseEndpoint('laps', text)
 * ```
 */
export function parseEndpoint(endpoint: Endpoint, text: string): { rows: TimedRow[]; report: EndpointReport } {
  const read = readJsonArray(text)
  const report: EndpointReport = { rows: 0, bad: read.bad, truncated: read.truncated, reasons: [] }
  if (read.error) report.error = read.error
  const rows: TimedRow[] = []
  const schema = endpoints[endpoint]
  read.items.forEach((item, index) => {
    const parsed = schema.safeParse(item)
    if (!parsed.success) {
      report.bad++
      const issue = parsed.error.issues[0]!
      if (report.reasons.length < 5)
        report.reasons.push(`[${index}] ${issue.path.join('.') || '(row)'}: ${issue.message}`)
      return
    }
    report.rows++
    const row = parsed.data as RowOf<Endpoint>
    rows.push({
      endpoint,
      row,
      time: timeOf(endpoint, row as Record<string, unknown>),
      order: priority.indexOf(endpoint),
    })
  })
  return { rows, report }
}

/**
 * Loads every `<endpoint>.json` present in `dir` (missing files are simply absent from the
 * report) and merges the rows into one timeline.
 *
 * @example
 * ```ts
 * const { rows, report } = await loadDump('dumps/monza-2023-race')
 * ```
 */
export async function loadDump(dir: string): Promise<{ rows: TimedRow[]; report: LoadReport }> {
  const report: LoadReport = {}
  const rows: TimedRow[] = []
  for (const endpoint of priority) {
    let text: string
    try {
      text = await readFile(join(dir, `${endpoint}.json`), 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      report[endpoint] = { rows: 0, bad: 0, truncated: false, reasons: [], error: (error as Error).message }
      continue
    }
    const parsed = parseEndpoint(endpoint, text)
    report[endpoint] = parsed.report
    rows.push(...parsed.rows)
  }
  rows.sort((a, b) => a.time - b.time || a.order - b.order)
  return { rows, report }
}
