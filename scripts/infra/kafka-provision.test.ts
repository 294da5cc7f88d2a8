import { describe, expect, it } from 'vitest'
import { KAFKA_VERSION, kafkaLayout, serverProperties } from './kafka-provision.ts'

function parse(properties: string): Map<string, string> {
  return new Map(
    properties
      .trim()
      .split('\n')
      .map((line) => line.split('=', 2) as [string, string]),
  )
}

describe('the local broker configuration', () => {
  const layout = kafkaLayout(29092, 29093, '/tmp/pitwall-cache')
  const props = parse(serverProperties(layout))

  it('is one combined broker/controller on 127.0.0.1 with a static quorum', () => {
    expect(props.get('process.roles')).toBe('broker,controller')
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:29093')
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093')
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:29092')
  })

  it('lets transactions and consumer groups work on a single node', () => {
    expect(props.get('transaction.state.log.replication.factor')).toBe('1')
    expect(props.get('transaction.state.log.min.isr')).toBe('1')
    expect(props.get('offsets.topic.replication.factor')).toBe('1')
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0')
    expect(Number(props.get('transaction.abort.timed.out.transaction.cleanup.interval.ms'))).toBeLessThanOrEqual(10_000)
    expect(Number(props.get('transaction.max.timeout.ms'))).toBeGreaterThanOrEqual(60_000)
  })

  it('keeps everything of one broker under .cache/kafka/run-<port>', () => {
    expect(props.get('log.dirs')).toBe('/tmp/pitwall-cache/kafka/run-29092/data')
    expect(layout.libsDir).toBe(`/tmp/pitwall-cache/kafka/${KAFKA_VERSION}/libs`)
    expect(layout.pidFile).toBe('/tmp/pitwall-cache/kafka/run-29092/broker.pid')
  })
})
