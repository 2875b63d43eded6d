/** Entry point of `npm run schemas`: regenerates schemas/*.schema.json from the zod schemas. */
import { writeJsonSchemas } from './schemas.ts';

for (const file of writeJsonSchemas()) console.log(`wrote ${file}`);
