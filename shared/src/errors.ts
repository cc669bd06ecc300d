/**
 * Typed errors of the domain core. Every refusal carries a stable machine code and a one-line
 * message that names what is wrong; callers map codes to exit codes or HTTP statuses.
 */
export const DomainErrorCode = {
  InvalidNumber: 'INVALID_NUMBER',
  PresentExceedsMembers: 'PRESENT_EXCEEDS_MEMBERS',
  BallotsExceedPresent: 'BALLOTS_EXCEED_PRESENT',
  UnknownProfile: 'UNKNOWN_PROFILE',
  UnknownOption: 'UNKNOWN_OPTION',
  InvalidProfile: 'INVALID_PROFILE',
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
