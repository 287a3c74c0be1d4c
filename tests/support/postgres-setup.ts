/**
 * Global set-up of the `postgres` project (and of the browser tests' servers on PostgreSQL): starts
 * one throwaway PostgreSQL 15 cluster for the run, or uses the one KEEP_COOL_TEST_PG names, and
 * provides its address to the test files (tests/support/test-db.ts reads it).
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from './pg-cluster.js';
import './test-db.js';

export default async function setUp(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const cluster = await startCluster();
  project.provide('postgresUrl', cluster.url);
  console.log(`postgres tests: PostgreSQL up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return () => cluster.stop();
}
