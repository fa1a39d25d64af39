/** The `hire-language-server` process: `--stdio` or `--node-ipc`. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

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
startServer(createConnection(ProposedFeatures.all));
