/** `npm run schema:print`: writes schema/schema.graphql from the resolver classes. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printAppSchema } from '../src/graphql/print-schema';

printAppSchema()
  .then((sdl) => {
    const file = path.join(__dirname, '..', '..', 'schema', 'schema.graphql');
    fs.writeFileSync(file, sdl);
    console.log(`Wrote ${path.relative(process.cwd(), file)}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
