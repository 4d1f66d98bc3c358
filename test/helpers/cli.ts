import { spawnSync } from 'child_process';
import * as path from 'path';
import { run } from '../../src/cli/cli';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `gongkai ...argv` run in-process by run() of src/cli/cli.ts; each line written ends with '\n'. */
export async function cli(...argv: string[]): Promise<CliResult & { code: number }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n') });
  return { code, stdout, stderr };
}

/** `gongkai ...argv` as a user runs it: the built bin/gongkai.js (npm run build) in a real process. */
export function builtCli(...argv: string[]): CliResult {
  const r = spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/gongkai.js'), ...argv], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
