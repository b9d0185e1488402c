/**
 * The API server as `npm run bench` runs it: a child process of the benchmark, so that its CPU time
 * and memory are its own and not the load generator's. Over IPC it answers what the benchmark
 * measures (CPU time, RSS, SQL statements so far) and, on request, records the statements it runs
 * with their parameters, which the benchmark replays through a bare `pg` client as the floor.
 *
 * `--authorization-off` serves the same API without the policy (every ability allows everything,
 * no field middleware): only this entry honours it, to show what authorization costs.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createMongoAbility, RawRuleOf } from '@casl/ability';
import { buildSchema } from 'type-graphql';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { openDatabase } from '../src/db/open-database';
import { BenchOnlyReplacement, createApp } from '../src/app';
import { RESOLVERS } from '../src/graphql/schema';
import { DateTimeScalar } from '../src/graphql/scalars';
import type { AppAbility } from '../permissions/ability';
import { CapturedStatement, FromServer, statsOfThisProcess, ToServer } from './bench-child';

async function withoutAuthorization(): Promise<BenchOnlyReplacement> {
  // CASL's wildcard action and subject: the policy's vocabulary has no word for "everything". One
  // ability for every signed-in caller, as the API keeps one per actor: what is kept per ability (the
  // cases page's statement text) must not be rebuilt on every request here either.
  const everything = createMongoAbility<AppAbility>([{ action: 'manage', subject: 'all' }] as unknown as RawRuleOf<AppAbility>[]);
  const nothing = createMongoAbility<AppAbility>([]);
  return {
    schema: await buildSchema({
      resolvers: RESOLVERS,
      validate: { forbidUnknownValues: false },
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    }),
    abilityFor: (actor) => (actor ? everything : nothing),
  };
}

async function main() {
  const send = (message: FromServer) => process.send!(message);
  const config = { ...loadConfig(), jwtSecret: process.env.JWT_SECRET! };
  // Errors only: under load every statement is slow, and the table is what the bench prints.
  const db = await openDatabase(config, createLogger('error'), { migrate: false });
  // Statements are counted (and, while asked, recorded) at the data source's logger, which sees
  // every statement of every request.
  let statements = 0;
  let captured: CapturedStatement[] | null = null;
  const logger = db.dataSource.logger;
  const counting: TypeOrmLogger = Object.assign(Object.create(logger) as TypeOrmLogger, {
    logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner) {
      statements += 1;
      captured?.push({ sql: query, params: parameters ?? [] });
      logger.logQuery(query, parameters, queryRunner);
    },
  });
  Object.defineProperty(db.dataSource, 'logger', { value: counting });
  const benchOnly = process.argv.includes('--authorization-off') ? await withoutAuthorization() : undefined;
  const app = await createApp(db.dataSource, config, createLogger('silent'), benchOnly);
  const server = app.express.listen(0, '127.0.0.1', () => send({ type: 'listening', port: (server.address() as AddressInfo).port }));
  process.on('message', (message: ToServer) => {
    if (message.type === 'stats') {
      send(statsOfThisProcess(statements));
    } else if (message.type === 'capture') {
      if (message.on) captured = [];
      else {
        send({ type: 'captured', statements: captured ?? [] });
        captured = null;
      }
    } else {
      server.close();
      // Exiting (not being killed) lets `--cpu-prof` write its profile.
      void app
        .stop()
        .then(() => db.close())
        .finally(() => process.exit(0));
    }
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
