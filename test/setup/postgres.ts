import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../helpers/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL server; each test file makes its own database on it (test/helpers/postgres.ts). */
    postgresUrl: string;
  }
}

/** One embedded PostgreSQL for the whole `npm test` run, stopped and removed at the end. */
export default async function setup(project: TestProject) {
  const server = await startEmbeddedPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.destroy();
}
