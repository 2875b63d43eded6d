/** Entry point of `npm run grade`; see grader.ts for arguments and exit codes. */
import { runGrader } from './grader.ts';

const { code, stdout, stderr } = runGrader(process.argv.slice(2));
if (stdout) process.stdout.write(stdout + '\n');
if (stderr) process.stderr.write(`grade: ${stderr}\n`);
process.exitCode = code;
