/** Entry point of `npm run render`; see renderer.ts for arguments and exit codes. */
import { runRender } from './renderer.ts';

const { code, stdout, stderr } = await runRender(process.argv.slice(2));
if (stdout) process.stdout.write(stdout + '\n');
if (stderr) process.stderr.write(`render: ${stderr}\n`);
process.exitCode = code;
