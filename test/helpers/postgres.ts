import { inject } from 'vitest';
import { createDatabase } from './embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test run's PostgreSQL server; each test file makes its own database on it (test/helpers/postgres.ts). */
    postgresUrl: string;
  }
}

/** A fresh database on the test run's PostgreSQL server (started once by test/setup/postgres.ts). */
export function testDatabase(prefix?: string): Promise<string> {
  return createDatabase(inject('postgresUrl'), prefix);
}

/** The test run's server itself, for tests that need to create databases of their own. */
export const postgresServerUrl = (): string => inject('postgresUrl');
