#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --sizes=100000,1000000] [-- --only=registry,campaigns,content,workflow]`: see bench/run.ts.
'use strict';
const path = require('node:path');
require('./ensure-deps').ensureDeps();
process.argv.splice(2, 0, path.join(__dirname, '..', 'bench', 'run.ts'));
require('./run-ts.js');
