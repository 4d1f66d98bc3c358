#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm ci` (the prepare script) or `npm run build`.
try {
  require.resolve('../dist/cli/main.js');
} catch {
  process.stderr.write('gongkai 尚未构建：请先运行 npm run build。 / gongkai is not built yet: run npm run build first.\n');
  process.exit(2);
}
require('../dist/cli/main.js');
