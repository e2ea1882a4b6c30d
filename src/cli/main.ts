#!/usr/bin/env node
import { buildProgram, runProgram } from './program.js';

await runProgram(buildProgram(), process.argv);
