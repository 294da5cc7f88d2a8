/**
 * @module
 * The test driver: run topologies in tests without a broker.
 */
export { TestInputTopic, type TestRecord } from './test-input-topic.ts'
export { type OutputRecord, TestOutputTopic } from './test-output-topic.ts'
export { TopologyTestDriver, type TopologyTestDriverOptions } from './topology-test-driver.ts'
