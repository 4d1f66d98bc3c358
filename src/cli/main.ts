import { run } from './cli';

void run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
}).then((code) => {
  process.exitCode = code;
});
