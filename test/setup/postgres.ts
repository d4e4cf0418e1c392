import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../helpers/embedded-postgres.js';

import '../helpers/postgres.js';

/** One embedded PostgreSQL for the whole `npm test` run, stopped and removed at the end. */
export default async function setup(project: TestProject) {
  const server = await startEmbeddedPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.destroy();
}
