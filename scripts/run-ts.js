#!/usr/bin/env node
// Runs a TypeScript entry point through SWC (decorator metadata included, which NestJS DI needs).
'use strict';
const path = require('node:path');
const tsconfig = path.join(__dirname, '..', 'tsconfig.base.json');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || tsconfig;
process.env.TS_NODE_PROJECT = process.env.TS_NODE_PROJECT || tsconfig;
require('@swc-node/register');
const entry = process.argv[2];
if (!entry) { console.error('usage: run-ts.js <file.ts> [args]'); process.exit(2); }
process.argv.splice(1, 1);
require(path.resolve(entry));
