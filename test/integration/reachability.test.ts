import { describe, expect, it } from 'vitest'
import { checkBrokerReachable } from '../../core/reachability.ts'
import { testBrokers } from '../helpers/kafka.ts'

describe('checkBrokerReachable against the test broker', () => {
  it('returns the cluster id and the advertised brokers', async () => {
    const info = await checkBrokerReachable(testBrokers())
    expect(info.clusterId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(info.brokers.length).toBeGreaterThanOrEqual(1)
  })
})
