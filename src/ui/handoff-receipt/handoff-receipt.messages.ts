/**
 * The receiving side's texts. Kept out of the main catalogue so the sender's script tag does not carry
 * them; a locale supplies them as `messages.receipt` (the Spanish catalogue does).
 */
import type { Mode, VerificationMethod } from '../../payload/types.js';

export interface ReceiptTexts {
  title: string;
  from: string;
  training: string;
  empty: string;
  loading: string;
  loadFailed: string;
  /** The loaded answer or the `handoff` property is not a valid handoff/v1. */
  invalid: string;
  noAgent: string;
  sections: Record<'why' | 'customer' | 'recap' | 'actions' | 'told' | 'contingency' | 'respond' | 'acks', string>;
  mode: Record<Mode, string>;
  transfer: string;
  flagged: string;
  verified: string;
  /** How the customer was verified; `other` is followed by what the sender wrote. */
  methods: Record<VerificationMethod, string>;
  noReverify: string;
  unverified: string;
  labels: Record<
    | 'priority'
    | 'channel'
    | 'account'
    | 'phone'
    | 'email'
    | 'language'
    | 'tried'
    | 'expectation'
    | 'nextSteps'
    | 'followUp'
    | 'managingUp'
    | 'fallback'
    | 'ifUnavailable'
    | 'plans'
    | 'note'
    | 'callback',
    string
  >;
  checklist: Record<'customerInformed' | 'apologyGiven' | 'detailsConfirmed', string>;
  yes: string;
  no: string;
  noActions: string;
  due: string;
  noDue: string;
  overdue: string;
  followUp: string;
  plan: string;
  hints: Record<'readBack' | 'questions' | 'declineReason', string>;
  decision: string;
  accept: string;
  decline: string;
  send: string;
  ackAccepted: string;
  ackDeclined: string;
  status: Record<'saving' | 'sending' | 'delivered' | 'queuedOffline' | 'retrying' | 'rejected' | 'notSaved', string>;
  /** "Copy as note": the button, what happened, and the note shown to copy by hand. */
  note: Record<'copy' | 'copied' | 'manual' | 'failed' | 'label', string>;
  /** The read-back check's questions: `{amount}`, `{task}` and `{due}`, `{expectation}`, `{method}`, `{phone}` and `{then}`. */
  readBackCheck: Record<
    | 'title'
    | 'amount'
    | 'deadline'
    | 'followUp'
    | 'expectation'
    | 'verified'
    | 'unverified'
    | 'fallback'
    | 'dismiss'
    | 'dismissLabel'
    | 'dismissed',
    string
  >;
}

export const receiptEn: ReceiptTexts = {
  title: 'Incoming handoff: {customer}',
  from: 'From {name}[ ({team})] · case {case}[ · received {time}]',
  training: 'Training handoff',
  empty: 'Select a handoff to read it.',
  loading: 'Loading the handoff…',
  loadFailed: 'Could not load the handoff: {reason}',
  invalid: 'This is not a handoff that can be shown: {reason}',
  noAgent: 'Set agent-id and agent-name on <handoff-receipt>: the acknowledgement says who took over.',
  sections: {
    why: 'Why it came to you',
    customer: 'Customer and verification',
    recap: 'What happened so far',
    actions: 'Actions by due time',
    told: 'What the customer was told',
    contingency: 'If you cannot take it',
    respond: 'Read it back and take over',
    acks: 'Acknowledgements',
  },
  mode: {
    warm: 'Warm transfer: {name} stays with the customer until you take over.',
    blind: 'Blind transfer: {name} is no longer with the customer.',
  },
  transfer: 'Transfer {count} for this contact.',
  flagged: 'Transfer {count}: flagged for the priority lane. Keep this customer if you possibly can.',
  verified: 'Verified: {method}[, by {by}][ at {time}].',
  methods: {
    'security-questions': 'security questions',
    'one-time-code': 'one-time code',
    'id-document': 'ID document',
    'voice-biometrics': 'voice biometrics',
    callback: 'callback to a number on file',
    other: 'other',
  },
  noReverify: 'No need to re-verify.',
  unverified: 'Not verified. Verify the customer before discussing the account.',
  labels: {
    priority: 'Priority',
    channel: 'Channel',
    account: 'Account',
    phone: 'Phone',
    email: 'Email',
    language: 'Preferred language',
    tried: 'Already tried',
    expectation: 'The customer expects',
    nextSteps: 'Next steps',
    followUp: 'Follow-up',
    managingUp: 'How you were introduced',
    fallback: 'Fallback contact',
    ifUnavailable: 'If nobody picks up',
    plans: 'Plans',
    note: 'Note',
    callback: "Sender's callback number",
  },
  checklist: {
    customerInformed: 'Customer told about the transfer',
    apologyGiven: 'Apology given',
    detailsConfirmed: 'Details confirmed with the customer',
  },
  yes: 'yes',
  no: 'no',
  noActions: 'No open actions.',
  due: 'due {time}',
  noDue: 'no deadline',
  overdue: 'overdue',
  followUp: '{time}, by {who}[: {note}]',
  plan: 'If {if}: {then}',
  hints: {
    readBack:
      'In your own words: the problem, what you will do and by when. The sender checks it against their handoff.',
    questions: 'Anything unclear? The sender sees your questions.',
    declineReason: 'So the sender can turn to their fallback.',
  },
  decision: 'Your decision',
  accept: 'I take over this customer',
  decline: 'I cannot take it',
  send: 'Send acknowledgement',
  ackAccepted: '{name} took over at {time}: “{readBack}”',
  ackDeclined: '{name} declined at {time}: {reason}',
  status: {
    saving: 'Saving…',
    sending: 'Saved. Sending your acknowledgement…',
    delivered: 'Acknowledgement delivered to {name}.',
    queuedOffline: "Saved. You're offline: it will be sent when you're back online.",
    retrying: 'Saved, not delivered yet: {reason}. Retrying at {time}.',
    rejected: 'Needs attention: the acknowledgement was rejected ({reason}).',
    notSaved: 'Not saved: {reason} Your text is still here.',
  },
  note: {
    copy: 'Copy as note',
    copied: 'Copied as an internal note ({bytes} bytes): paste it into the ticket.',
    manual: 'The browser did not allow copying: select the note below and copy it.',
    failed: 'Could not make the note: {reason}',
    label: 'Internal note',
  },
  readBackCheck: {
    title: 'Your read-back may leave out:',
    amount: 'The amount, {amount}: is that in your plan?',
    deadline: '“{task}” is due {due}: is that in your plan?',
    followUp: 'The follow-up is due {due}: is that in your plan?',
    expectation: 'The customer expects “{expectation}”: is that in your plan?',
    verified: 'The customer is already verified ({method}): no need to ask again. Is that in your plan?',
    unverified: 'The customer is not verified: verify them before anything else. Is that in your plan?',
    fallback: 'If you cannot finish: {then}; fallback {phone}. Is that in your plan?',
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss: {question}',
    dismissed: 'Dismissed: {count}.',
  },
};
