/**
 * The names the quality check and the read-back check report, as the contract lists them. Apart from
 * types.ts so that the script tag's first file, which holds the types module, does not carry them.
 */

/** What {@link assessQuality} checks, each named in `quality.missing` when it is not met. */
export const QUALITY_CHECKS = [
  'reason-detail',
  'customer-informed',
  'details-confirmed',
  'apology-given',
  'recap-summary',
  'recap-expectation',
  'verification-method',
  'customer-contact',
  'actions-listed',
  'action-due',
  'managing-up-receiver',
  'receiver-expertise',
  'fallback-number',
  'if-unavailable',
  'no-secrets-typed',
] as const;

/** The facts a receiver's read-back is checked for (see `checkReadBack`). */
export const READ_BACK_FACTS = ['amount', 'deadline', 'expectation', 'verification', 'fallback'] as const;
