/** Bad input: a flag, a path, a portal that cannot answer. Exit code 2, the message on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
