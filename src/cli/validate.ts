/** Entry point of `npm run validate [-- <project root>]`; see validator.ts. Exit code 0 when clean, 1 otherwise. */
import { resolve } from 'node:path';
import { PROJECT_ROOT } from './content.ts';
import { runValidate } from './validator.ts';

const { code, stdout } = runValidate(resolve(process.argv[2] ?? PROJECT_ROOT));
console.log(stdout);
process.exitCode = code;
