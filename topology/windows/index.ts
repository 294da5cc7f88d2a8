/**
 * @module
 * Public window option objects, suppression options and windowed key serdes of the DSL.
 */
export { JoinWindows } from './join-windows.ts'
export { SessionWindows } from './session-windows.ts'
export { SlidingWindows } from './sliding-windows.ts'
export { BufferConfig, type BufferFullStrategy, Suppressed } from './suppressed.ts'
export { TimeWindows } from './time-windows.ts'
export { WindowedSerdes } from './windowed-serdes.ts'
