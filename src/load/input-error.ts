/**
 * A problem with what the user asked us to read (missing path, unreadable or
 * binary file, bad env file): the run cannot go on, so the CLI prints the
 * message on one line and exits 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}
