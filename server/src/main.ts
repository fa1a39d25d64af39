/** The `hire-language-server` process: `--stdio` or `--node-ipc`. */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.some((arg) => transports.some((flag) => arg === flag || arg.startsWith(`${flag}=`)))) {
  process.stderr.write('Usage: hire-language-server --stdio | --node-ipc\nThe Hiring Briefs language server speaks LSP over the chosen transport.\n');
  process.exit(2);
}
startServer(createConnection(ProposedFeatures.all));
