/**
 * Typed errors of the API (ARCHITECTURE §2). Messages are written for the
 * person at the desk; INTERNAL never carries a stack or patient data.
 */
export const errorCodes = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'LOCKED', 'INTERNAL'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Field path -> message, for forms. */
  fields?: Record<string, string>;
  /** Structured extra detail, e.g. the next free slots offered after a double-booking refusal. */
  details?: unknown;
}

export class ApiError extends Error implements ApiErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, fields: this.fields, details: this.details };
  }

  static is(value: unknown): value is ApiErrorShape {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as ApiErrorShape).code === 'string' &&
      (errorCodes as readonly string[]).includes((value as ApiErrorShape).code) &&
      typeof (value as ApiErrorShape).message === 'string'
    );
  }
}
