/**
 * Child process of the bench: loads one workbook once with one reader candidate and prints the peak
 * resident memory before and after (process.resourceUsage().maxRSS), so each candidate's peak is
 * measured in a process of its own.   node -r ts-node/register/transpile-only bench/reader-peak.ts lean FILE
 */
import { readFileSync } from 'fs';
import { READERS } from './readers';

async function main(): Promise<void> {
  const [name, file] = process.argv.slice(2);
  const read = READERS[name];
  const bytes = new Uint8Array(readFileSync(file));
  const before = process.resourceUsage().maxRSS;
  const wb = await read(bytes, 'bench.xlsx');
  const after = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ sheets: wb.sheets.length, beforeMB: Math.round(before / 1024), peakMB: Math.round(after / 1024), deltaMB: Math.round((after - before) / 1024) }) + '\n');
}

void main();
