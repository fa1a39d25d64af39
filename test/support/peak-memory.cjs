// Preloaded (`--require`) into a process under test: prints its peak resident memory on exit.
const { readFileSync } = require('node:fs');
process.on('exit', () => {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  if (match) process.stderr.write(`peak-rss-kb ${match[1]}\n`);
});
