#!/usr/bin/env node
// The `trustee` command. Node 24 runs this TypeScript directly (type stripping): no build step.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv);
