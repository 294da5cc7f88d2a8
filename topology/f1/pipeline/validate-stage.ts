/**
 * @module
 * Stage 1, raw -> clean: reads f1.telemetry.raw as bytes (so no record fails deserialization and
 * every failure gets a reason), checks each record (raw-check.ts), writes clean samples to
 * f1.telemetry.clean and rejected records unchanged, with reason headers, to
 * f1.telemetry.quarantine; counts outcomes per car in a windowed validation-rate table.
 */
import { Branched } from '../../dsl/branched.ts'
import { Consumed } from '../../dsl/consumed.ts'
import type { KStream } from '../../dsl/kstream.ts'
import { Named } from '../../dsl/named.ts'
import { Produced } from '../../dsl/produced.ts'
import type { StreamsBuilder } from '../../dsl/streams-builder.ts'
import { Serdes } from '../../serdes.ts'
import type { TelemetrySample } from '../model/index.ts'
import { F1Topics } from '../topics.ts'
import type { F1Config } from './config.ts'
import { f1Json, f1String } from './f1-serdes.ts'
import { QuarantineProcessor, type Rejected } from './quarantine-processor.ts'
import { checkRaw, type RawCheck } from './raw-check.ts'
import { f1WindowStore } from './state-stores.ts'
import { F1Stores } from './store-names.ts'
import type { ValidationCounts } from './validation-rate.ts'
import { ValidationRateProcessor } from './validation-rate-processor.ts'

interface Checked {
  readonly raw: Uint8Array | null
  readonly check: RawCheck
}

/**
 * Adds the stage and returns the clean sample stream (keyed `session:car`).
 *
 * @example
 * ```ts
 * const clean = validateStage(builder, config)
 * ```
 */
export function validateStage(builder: StreamsBuilder, config: F1Config): KStream<string, TelemetrySample> {
  const maxBytes = config.validation.maxRawBytes
  const checked = builder
    .stream<string, Uint8Array>(F1Topics.telemetryRaw.name, Consumed.with(Serdes.string(), Serdes.bytes()))
    .mapValues((raw, key): Checked => ({ raw, check: checkRaw(key, raw, maxBytes) }), Named.as('f1-validate'))
  const rateMs = config.validation.rateWindowMs
  builder.addStateStore(f1WindowStore<ValidationCounts>(F1Stores.validationRate, config, rateMs, rateMs))
  checked.process(() => new ValidationRateProcessor(rateMs), Named.as('f1-validation-rate'), F1Stores.validationRate)
  const branches = checked
    .split(Named.as('f1-raw-'))
    .branch((_key, c) => c.check.ok, Branched.as('valid'))
    .defaultBranch(Branched.as('rejected'))
  branches['f1-raw-rejected']!.mapValues((c): Rejected => {
    const check = c.check as Extract<RawCheck, { ok: false }>
    return { raw: c.raw, reason: check.reason, field: check.field, message: check.message }
  }, Named.as('f1-reject'))
    .process(() => new QuarantineProcessor(), Named.as('f1-quarantine-headers'))
    .to(
      F1Topics.telemetryQuarantine.name,
      Produced.with(Serdes.string(), Serdes.bytes()) as Produced<string, Uint8Array | null>,
    )
  const valid = branches['f1-raw-valid']!
  // a valid record whose bytes are the sample as it is goes to the clean topic unchanged; this
  // child comes before the sample stream's, because the lap tagger tags the sample in place
  const cleanSerde = f1Json<TelemetrySample>()
  valid
    .mapValues((c) => {
      const check = c.check as Extract<RawCheck, { ok: true }>
      return check.asIs ? c.raw : cleanSerde.serialize(F1Topics.telemetryClean.name, check.sample)
    }, Named.as('f1-clean-bytes'))
    .to(F1Topics.telemetryClean.name, Produced.with(f1String(), Serdes.bytes()) as Produced<string, Uint8Array | null>)
  return valid.mapValues((c) => (c.check as Extract<RawCheck, { ok: true }>).sample, Named.as('f1-clean'))
}
