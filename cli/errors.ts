// One error type for everything the CLI reports to its user: a message meant
// to be read as it is, and the exit code that goes with it.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
