import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildApiSchema } from './build.js';
import { printApiSchema } from './printed.js';

/** Writes server/schema.graphql, the committed contract a test keeps in step with the code. */
const target = fileURLToPath(new URL('../../schema.graphql', import.meta.url));
await writeFile(target, printApiSchema(await buildApiSchema()));
console.log(`written ${target}`);
