#!/usr/bin/env node
// The `opsbook` command. Node cannot strip TypeScript types under node_modules, so an installed package runs the
// JavaScript compiled on `npm pack` (lib/cli.js); a checkout of the repository runs the TypeScript source directly.
import { existsSync } from 'node:fs';

const compiled = new URL('../lib/cli.js', import.meta.url);
await import(existsSync(compiled) ? compiled.href : new URL('../src/cli/index.ts', import.meta.url).href);
