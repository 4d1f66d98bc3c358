/**
 * The Word double in a browser page, for the pane's end-to-end test in Word (word.e2e.test.ts
 * bundles this file and serves it where the page loads office.js from): `Word` and an `Office` whose
 * onReady names the host Word and whose requirements are the double's. The double starts with one
 * empty paragraph (the cursor in it) and is left on `window.wordDouble` for the test to read.
 */
import { WordDouble } from '../double/word';

const double = new WordDouble(['']);
const win = window as unknown as Record<string, unknown>;
win.wordDouble = double;
win.Word = double.Word;
win.Office = {
  context: double.Office.context,
  HostType: { Word: 'Word' },
  onReady: () => Promise.resolve({ host: 'Word', platform: 'OfficeOnline' }),
};
