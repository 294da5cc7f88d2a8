import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../../core/errors.ts'
import {
  Consumed,
  Named,
  type Processor,
  type ProcessorContext,
  Produced,
  type Serde,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
} from '../../index.ts'
import type { ErrorContext } from '../runnable.ts'

const str = Serdes.string()
let driver: TopologyTestDriver | undefined

afterEach(async () => {
  await driver?.close()
  driver = undefined
})

/** A processor that forwards, then throws when the value says so ('after'), async like a stateful one. */
function forwarding(): Processor<string, string, string, string> {
  let ctx: ProcessorContext<string, string>
  return {
    init: (c) => {
      ctx = c
    },
    async process(r) {
      await ctx.forward(r)
      if (r.value === 'after') throw new Error('parent failed after forwarding')
    },
  }
}

function topology(): StreamsBuilder {
  const b = new StreamsBuilder()
  b.stream('in', Consumed.with(str, str))
    .process(forwarding, Named.as('parent'))
    .mapValues((v) => {
      if (v === 'child') throw new Error('child failed')
      return v
    }, Named.as('child'))
    .to('out', Produced.with(str, str))
  return b
}

describe('processing error context', () => {
  it('names the processor that threw, not the ones the error passed through', async () => {
    const seen: Array<string | undefined> = []
    const handler = (context: ErrorContext) => {
      seen.push(context.processorName)
      return 'continue' as const
    }
    driver = new TopologyTestDriver(topology().build(), { processingErrorHandler: handler })
    const input = driver.createInputTopic('in', str, str)
    await input.pipeInput('k', 'child', 1)
    await input.pipeInput('k', 'after', 2)
    await input.pipeInput('k', 'fine', 3)
    expect(seen).toEqual(['child', 'parent'])
    expect(driver.createOutputTopic('out', str, str).readValuesToList()).toEqual(['after', 'fine'])
  })

  it("the 'fail' error carries the processor's name in its details and message", async () => {
    driver = new TopologyTestDriver(topology().build())
    await expect(driver.createInputTopic('in', str, str).pipeInput('k', 'child', 1)).rejects.toMatchObject({
      code: ErrorCodes.PROCESSING,
      message: expect.stringContaining("in 'child'"),
      details: { processorName: 'child', topic: 'in', offset: 0 },
    })
  })

  it('names a sink that cannot serialize its record', async () => {
    const refusing: Serde<string> = {
      serialize: () => {
        throw new Error('cannot serialize')
      },
      deserialize: (topic, data) => str.deserialize(topic, data),
    }
    const b = new StreamsBuilder()
    b.stream('in', Consumed.with(str, str)).to('out', Produced.with(str, refusing).withName('writer'))
    driver = new TopologyTestDriver(b.build())
    await expect(driver.createInputTopic('in', str, str).pipeInput('k', 'bad', 1)).rejects.toMatchObject({
      code: ErrorCodes.PROCESSING,
      details: { processorName: 'writer' },
    })
  })
})
