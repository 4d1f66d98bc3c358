import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const made: string[] = [];

// Importing this module registers one afterAll in the importing test file: it removes the folders
// that file made (jest loads modules afresh per test file).
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder in the system temp folder, removed after the test file's last test. */
export function tempDir(prefix = 'gk-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
