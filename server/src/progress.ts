/**
 * The progress the editor shows while the server reads or checks the
 * workspace in the background: one work-done progress from the first report
 * until the work is done, with its percentage and a message.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** A work-done progress that begins at the first report and ends at `done`. */
export class BackgroundProgress {
  /** Whether the client shows server-created progress; set at `initialize`. */
  enabled = false;
  private reporter: Promise<WorkDoneProgressServerReporter | undefined> | undefined;
  private shown: string | undefined;

  constructor(private readonly connection: Connection) {}

  /** Shows the work's state: begins the progress if it is not shown yet. */
  report(message: string, percentage: number): void {
    if (!this.enabled) return;
    const state = `${Math.floor(percentage)} ${message}`;
    if (state === this.shown) return;
    this.shown = state;
    if (!this.reporter) {
      this.reporter = this.connection.window.createWorkDoneProgress().then(
        (reporter) => {
          reporter.begin('Hiring Briefs', Math.floor(percentage), message);
          return reporter;
        },
        () => undefined,
      );
    } else {
      void this.reporter.then((reporter) => reporter?.report(Math.floor(percentage), message));
    }
  }

  /** Ends the progress, if one is shown. */
  done(): void {
    const reporter = this.reporter;
    this.reporter = undefined;
    this.shown = undefined;
    void reporter?.then((reporter) => reporter?.done());
  }
}
