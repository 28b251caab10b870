#!/usr/bin/env node
// Runs the TypeScript sources through SWC, as the rest of the workspace does (scripts/run-ts.js).
'use strict';
const path = require('node:path');
const tsconfig = path.join(__dirname, '..', 'tsconfig.json');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || tsconfig;
process.env.TS_NODE_PROJECT = process.env.TS_NODE_PROJECT || tsconfig;
require('@swc-node/register');
require('../src/main.ts');
