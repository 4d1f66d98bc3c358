import { run } from './cli';

// A reader that stops early (`gongkai check … | head`) closes the pipe: the rest of the output has
// nowhere to go, and that is no error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

void run(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  stderr: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
}).then((code) => {
  process.exitCode = code;
});
