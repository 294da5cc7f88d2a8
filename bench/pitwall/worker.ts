/**
 * @module
 * The Pitwall worker of the suites (wired once topology/runtime lands): until then it fails to
 * start, so the runner reports Pitwall as unavailable and measures the rest.
 */
const runtime = new URL('../../topology/runtime/index.ts', import.meta.url).href
await import(runtime)
