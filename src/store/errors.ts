/** A problem with the database the operator can fix; the message says what and how. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** The database did not answer (down, restarting, unreachable): try again later; nothing was changed. */
export class StoreUnavailable extends StoreError {
  constructor(detail: string) {
    super(`the database is not answering (${detail})`);
    this.name = 'StoreUnavailable';
  }
}
