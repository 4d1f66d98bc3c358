/**
 * Write every layout variant of the 公开01–09 fixture to a folder so a person can open them.
 * Usage: npx ts-node --transpile-only scripts/write-variants.ts [outDir]   (default .tmp/variants/)
 */
import * as fs from 'fs';
import * as path from 'path';
import { VARIANTS } from '../test/fixtures/variants';

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? '.tmp/variants/');
  fs.mkdirSync(outDir, { recursive: true });
  for (const v of VARIANTS) {
    const file = path.join(outDir, `${v.name}.xlsx`);
    fs.writeFileSync(file, await v.build());
    console.log(`${file}  ${v.description}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
