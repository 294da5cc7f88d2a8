import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { configMarkdownTable } from '../../core/config.ts'
import { KAFKA_VERSION } from '../../scripts/infra/kafka-provision.ts'
import { MINIO_VERSION } from '../../scripts/infra/minio-provision.ts'

const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8')
const packageJson = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8'))
const ciRun = readFileSync(resolve(import.meta.dirname, '../../.ci/run'), 'utf8')

// the formatter pads table cells, so rows are compared cell by cell
function tableRows(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| `PITWALL_'))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
        .join('|'),
    )
}

describe('README', () => {
  it('carries the configuration table of core/config.ts', () => {
    const expected = tableRows(configMarkdownTable())
    expect(expected.length).toBeGreaterThan(10)
    expect(tableRows(readme)).toEqual(expected)
  })

  it('names the pinned Kafka and MinIO versions', () => {
    expect(readme).toContain(`kafka_2.13:${KAFKA_VERSION}`)
    expect(readme).toContain(`github.com/minio/minio@${MINIO_VERSION}`)
  })

  it('documents the two commands, which package.json and .ci/run use', () => {
    expect(readme).toContain('npm start')
    expect(readme).toContain('npm test')
    expect(packageJson.scripts.start).toBe('node scripts/stack.ts')
    expect(ciRun).toMatch(/^npm test$/m)
  })
})
