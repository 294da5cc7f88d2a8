/**
 * @module
 * `KStream.join/leftJoin/outerJoin(otherStream, joiner, JoinWindows, StreamJoined)`: both inputs
 * (repartitioned first if their keys changed) get a join processor; each buffers its side in a
 * retain-duplicates window store and probes the other side's store. Left and outer joins share an
 * outer store of unmatched records, emitted once their window closes. The two processors feed a
 * pass-through merge node, the result stream. Names follow Kafka Streams.
 */
import { ErrorCodes, PitwallError } from '../../../core/errors.ts'
import type { ValueJoiner } from '../../dsl/functions.ts'
import type { KStream } from '../../dsl/kstream.ts'
import { StreamJoined } from '../../dsl/stream-joined.ts'
import type { Serde } from '../../serdes.ts'
import { JoinWindows } from '../../windows/join-windows.ts'
import type { GraphNode } from '../graph/graph-node.ts'
import { leftOrRightListSerde, timestampedKeyAndJoinSideSerde } from '../processors/join-outer-store.ts'
import { JoinTimeTrackers } from '../processors/join-time-tracker.ts'
import { passThrough } from '../processors/stream-merge.ts'
import { streamStreamJoin } from '../processors/stream-stream-join.ts'
import { addProcessor, addRepartition } from './graph-helpers.ts'
import { KStreamImpl } from './kstream-impl.ts'
import { optionalInstance, requireFunction, requireInstance } from './validate.ts'
import { keyValueStore, windowStore } from './windowed-stores.ts'

/** Which records without a partner are emitted. */
export type StreamJoinKind = 'inner' | 'left' | 'outer'

function repartitioned<K, V>(
  stream: KStreamImpl<K, V>,
  keySerde: Serde<K>,
  valueSerde: Serde<V>,
  base: string,
): GraphNode {
  if (!stream.repartitionRequired) return stream.node
  return addRepartition(stream.builder, stream.node, { generatedBase: base, keySerde, valueSerde, dropNullKeys: true })
}

/**
 * Adds a windowed stream-stream join to the graph.
 *
 * @example
 * ```ts
 * joinStreams(laps, 'join()', pits, (l, p) => ({ l, p }), JoinWindows.ofTimeDifferenceAndGrace(60_000, 0), undefined, 'inner')
 * ```
 */
export function joinStreams<K, V, VO, VR>(
  stream: KStreamImpl<K, V>,
  method: string,
  other: KStream<K, VO>,
  joiner: ValueJoiner<V | null, VO | null, VR>,
  windows: JoinWindows,
  streamJoined: StreamJoined<K, V, VO> | undefined,
  kind: StreamJoinKind,
): KStream<K, VR> {
  requireInstance(method, 'otherStream', other, KStreamImpl, 'KStream')
  requireFunction(method, 'joiner', joiner)
  requireInstance(method, 'windows', windows, JoinWindows, 'JoinWindows')
  optionalInstance(method, 'streamJoined', streamJoined, StreamJoined)
  const right = other as KStreamImpl<K, VO>
  const { builder } = stream
  if (right.builder !== builder) {
    throw new PitwallError(
      ErrorCodes.TOPOLOGY_INVALID_ARGUMENT,
      `${method}: otherStream must come from the same StreamsBuilder`,
    )
  }
  const keySerde = (streamJoined?.keySerde ??
    stream.keySerde ??
    right.keySerde ??
    builder.defaults.keySerde) as Serde<K>
  const thisSerde = (streamJoined?.valueSerde ?? stream.valueSerde ?? builder.defaults.valueSerde) as Serde<V>
  const otherSerde = (streamJoined?.otherValueSerde ?? right.valueSerde ?? builder.defaults.valueSerde) as Serde<VO>
  const prefix = kind === 'outer' ? 'OUTER' : 'JOIN'
  const given = streamJoined?.name
  const thisName = given ? `${given}-join-this` : builder.processorName(undefined, `KSTREAM-${prefix}THIS`)
  const otherName = given ? `${given}-join-other` : builder.processorName(undefined, `KSTREAM-${prefix}OTHER`)
  const mergeName = given ? `${given}-merge` : builder.processorName(undefined, 'KSTREAM-MERGE')
  const storeBase = streamJoined?.storeName
  const thisStore = storeBase ? `${storeBase}-this-join-store` : `${thisName}-store`
  const otherStore = storeBase ? `${storeBase}-other-join-store` : `${otherName}-store`
  const outerStore =
    kind === 'inner' ? undefined : storeBase ? `${storeBase}-outer-shared-join-store` : `${thisName}-outer-shared-store`

  const layers = {
    type: streamJoined?.storeType ?? builder.defaults.storeType,
    caching: false,
    logging: streamJoined?.loggingEnabled ?? true,
    topicConfig: streamJoined?.topicConfig ?? {},
  }
  const shape = { retentionMs: windows.retentionMs(), windowSizeMs: windows.sizeMs(), retainDuplicates: true }
  builder.addStore(windowStore(thisStore, shape, keySerde, thisSerde, layers))
  builder.addStore(windowStore(otherStore, shape, keySerde, otherSerde, layers))
  if (outerStore) {
    builder.addStore(
      keyValueStore(
        outerStore,
        timestampedKeyAndJoinSideSerde(keySerde),
        leftOrRightListSerde(thisSerde, otherSerde),
        layers,
      ),
    )
  }
  const stores = outerStore ? [thisStore, otherStore, outerStore] : [thisStore, otherStore]

  const leftFrom = repartitioned(stream, keySerde, thisSerde, thisName)
  const rightFrom = repartitioned(right, keySerde, otherSerde, otherName)
  const trackers = new JoinTimeTrackers()
  const join = (_key: K, l: V | null, r: VO | null) => joiner(l, r)
  const common = { windows, joiner: join, trackers, outerStoreName: outerStore }
  const thisNode = addProcessor(
    builder,
    thisName,
    [leftFrom],
    () =>
      streamStreamJoin({
        ...common,
        side: 'left',
        thisStoreName: thisStore,
        otherStoreName: otherStore,
        outer: kind !== 'inner',
      }),
    stores,
    [leftFrom, rightFrom],
  )
  const otherNode = addProcessor(
    builder,
    otherName,
    [rightFrom],
    () =>
      streamStreamJoin({
        ...common,
        side: 'right',
        thisStoreName: otherStore,
        otherStoreName: thisStore,
        outer: kind === 'outer',
      }),
    stores,
    [leftFrom, rightFrom],
  )
  const merge = addProcessor(builder, mergeName, [thisNode, otherNode], passThrough())
  return new KStreamImpl<K, VR>(builder, merge, keySerde, undefined, false)
}
