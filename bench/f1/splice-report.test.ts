import { describe, expect, it } from 'vitest'
import type { F1BrokerFigures } from './bench.ts'
import { spliceF1Report } from './splice-report.ts'

const report = [
  '# Benchmarks',
  '',
  '## Targets',
  '',
  '| target | measured | |',
  '|---|---|---|',
  '| T1 >= 100,000 | 127,146 | met |',
  '',
  '## Figures of the other parts',
  '',
  'stores',
  '',
].join('\n')

const figures: F1BrokerFigures = {
  latency: {
    cars: 50,
    carPartitions: 6,
    measuredSeconds: 30,
    rawPerSecond: 4700,
    samples: 140_000,
    p50: 120,
    p99: 240,
    max: 400,
    secondsOver250ms: 3,
    peakRssMiB: 400,
    loadAverage1m: 2.5,
  },
  errors: [],
}

describe('spliceF1Report', () => {
  it('adds the target rows and the section before the other parts', () => {
    const md = spliceF1Report(report, figures)
    const lines = md.split('\n')
    expect(lines[7]).toContain('| F1 topology, exactly-once')
    expect(lines[8]).toContain(
      '| F1 topology, 50 cars in real time: p99 end-to-end latency < 250 ms | 240 ms (50 cars) | met |',
    )
    expect(lines[9]).toBe('')
    expect(md.indexOf('## F1 topology through the broker')).toBeLessThan(md.indexOf('## Figures of the other parts'))
  })
  it('replaces its own rows and section on a second splice', () => {
    const twice = spliceF1Report(spliceF1Report(report, figures, 'first'), {
      ...figures,
      latency: { ...figures.latency!, p99: 300 },
    })
    expect(twice.match(/## F1 topology through the broker/g)).toHaveLength(1)
    expect(twice.match(/\| F1 topology, 50 cars/g)).toHaveLength(1)
    expect(twice).toContain('| 300 ms (50 cars) | **not met** |')
    expect(twice).not.toContain('first')
    expect(twice).toContain('stores')
  })
  it('lists every run when there were several, with the median one in the rows', () => {
    const second = { ...figures.latency!, p50: 90, p99: 500, loadAverage1m: 6 }
    const md = spliceF1Report(report, { ...figures, latencyRuns: [figures.latency!, second] })
    expect(md).toContain('| every latency run (p50 / p99 ms) | 120 / 240, 90 / 500 | 2.5, 6 |')
    expect(md).toContain('240 ms (50 cars, median of 2 runs)')
  })
})
