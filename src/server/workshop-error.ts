/** A refusal the API answers with: an HTTP status, a stable code for programs, a sentence for people. */
export class WorkshopError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Where in the request the problem is (`body.transcript`), when it is in the request. */
    readonly where?: string,
    /** Headers the refusal carries (a Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
