/**
 * Loaded with `node --require` into each process the bench times as a whole: at exit it writes the process's own
 * peak resident memory (kB) to the file named by BENCH_RSS_FILE. It changes nothing else, so every tool measured
 * (ours and the rivals) carries the same hook.
 */
'use strict';
const fs = require('node:fs');

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
