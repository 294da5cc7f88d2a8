/**
 * @module
 * The F1 game UDP connector: pure decoders (decodePacket and one decoder per packet kind), the
 * mapper to the event model, the capture format, and the lifecycle pieces (UdpListener, capture
 * recording and replay, async-iterable sources).
 */
export * from './capture.ts'
export * from './capture-file.ts'
export * from './decode.ts'
export * from './header.ts'
export * from './listener.ts'
export * from './mapper.ts'
export * from './packet-stats.ts'
export * from './source.ts'
