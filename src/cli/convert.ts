/** Entry point of `npm run convert`; see converter.ts for arguments and exit codes. */
import { runConvert } from './converter.ts';

const { code, stdout, stderr } = runConvert(process.argv.slice(2));
if (stdout) process.stdout.write(stdout + '\n');
if (stderr) process.stderr.write(`convert: ${stderr}\n`);
process.exitCode = code;
