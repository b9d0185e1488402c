import type { TestApp } from './harness';

/** The SQL statements (with their parameters) the API sends while `work` runs, caught from its query logger. */
export async function statementsOf(t: TestApp, work: () => Promise<unknown>): Promise<{ sql: string; parameters: unknown[] }[]> {
  const logger = t.dataSource.logger;
  const original = logger.logQuery.bind(logger);
  const caught: { sql: string; parameters: unknown[] }[] = [];
  logger.logQuery = (sql, parameters, runner) => {
    caught.push({ sql, parameters: (parameters as unknown[] | undefined) ?? [] });
    original(sql, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return caught;
}
