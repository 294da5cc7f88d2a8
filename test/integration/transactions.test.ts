/**
 * @module
 * The broker's transactions, end to end: what @platformatic/kafka writes in a committed transaction
 * is what a kafkajs read_committed consumer sees, and an aborted transaction is never seen.
 */
import { Producer, stringSerializers } from '@platformatic/kafka'
import { afterEach, describe, expect, it } from 'vitest'
import { createTopics, readCommitted, testBrokers } from '../helpers/kafka.ts'
import { uniqueName, uniqueTopic } from '../helpers/names.ts'

describe('transactions on the test broker', () => {
  const producers: Producer<string, string, string, string>[] = []
  afterEach(async () => {
    await Promise.all(producers.splice(0).map((producer) => producer.close()))
  })

  function transactionalProducer(): Producer<string, string, string, string> {
    const producer = new Producer({
      clientId: 'pitwall-it-tx',
      bootstrapBrokers: testBrokers(),
      transactionalId: uniqueName('it-tx'),
      idempotent: true,
      serializers: stringSerializers,
    })
    producers.push(producer)
    return producer
  }

  it('makes committed records visible to a read_committed consumer', async () => {
    const topic = uniqueTopic('tx-commit')
    await createTopics([topic], 2)
    const producer = transactionalProducer()
    const tx = await producer.beginTransaction()
    await tx.send({
      messages: [
        { topic, key: 'car-1', value: 'lap-1', partition: 0 },
        { topic, key: 'car-2', value: 'lap-2', partition: 1 },
        { topic, key: 'car-1', value: 'lap-3', partition: 0 },
      ],
    })
    await tx.commit()

    const records = await readCommitted(topic, { count: 3 })
    const byPartition = (partition: number) => records.filter((r) => r.partition === partition).map((r) => r.value)
    expect(byPartition(0)).toEqual(['lap-1', 'lap-3'])
    expect(byPartition(1)).toEqual(['lap-2'])
  })

  it('never shows records of an aborted transaction', async () => {
    const topic = uniqueTopic('tx-abort')
    await createTopics([topic], 1)
    const producer = transactionalProducer()
    const aborted = await producer.beginTransaction()
    await aborted.send({ messages: [1, 2, 3].map((i) => ({ topic, key: 'car', value: `aborted-${i}` })) })
    await aborted.abort()
    // the committed records come after the aborted ones in the log, so reading them means reading past those
    const committed = await producer.beginTransaction()
    await committed.send({ messages: [1, 2].map((i) => ({ topic, key: 'car', value: `committed-${i}` })) })
    await committed.commit()

    const records = await readCommitted(topic, { until: (read) => read.some((r) => r.value === 'committed-2') })
    expect(records.map((r) => r.value)).toEqual(['committed-1', 'committed-2'])
    // the aborted records are in the log: read_uncommitted shows them, so the check above had something to hide
    const raw = await readCommitted(topic, {
      readUncommitted: true,
      until: (read) => read.some((r) => r.value === 'committed-2'),
    })
    expect(raw.map((r) => r.value)).toEqual(['aborted-1', 'aborted-2', 'aborted-3', 'committed-1', 'committed-2'])
  })
})
