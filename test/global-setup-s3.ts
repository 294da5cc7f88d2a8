/** @module Placeholder replaced in step 3. */
export default async function setup(): Promise<void> {}
