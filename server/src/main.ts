/** The `hire-language-server` process: `--stdio` or `--node-ipc`; the same bundle runs its check workers. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { CheckPool } from './checkPool';
import { isServerCheckWorker, runServerCheckWorker } from './checkWorker';
import { diskFiles, readFileNow } from './diskFiles';
import { watchFraming } from './framing';
import { startServer } from './server';

function main(): void {
  const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
  if (!process.argv.some((arg) => transports.some((flag) => arg === flag || arg.startsWith(`${flag}=`)))) {
    process.stderr.write('Usage: hire-language-server --stdio | --node-ipc\nThe Hiring Briefs language server speaks LSP over the chosen transport.\n');
    process.exit(2);
  }
  // A promise rejected outside every handler's guard would end the process
  // (Node's default): log it instead. stdout may carry the protocol; stderr never does.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(`hire-language-server: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}\n`);
  });
  // A header the protocol reader cannot use leaves it unable to find the next message: end with an error, which the client sees and restarts the server on.
  if (process.argv.includes('--stdio')) {
    watchFraming(process.stdin, (problem) => {
      process.stderr.write(`hire-language-server: malformed message on standard input: ${problem}; exiting\n`);
      process.exit(1);
    });
  }
  startServer(createConnection(ProposedFeatures.all), { files: diskFiles, backgroundChecks: (host) => new CheckPool(host), readNow: readFileNow });
}

if (isServerCheckWorker()) runServerCheckWorker();
else main();
