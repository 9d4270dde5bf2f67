/**
 * Every string the UI shows, per locale: its own texts, the validation messages and field labels of
 * the payload core, and the script templates. Strings are templates (see payload/template.ts).
 */
import type { TemplateTexts } from './template-texts.js';
import {
  DEFAULT_FIELD_LABELS_EN,
  DEFAULT_VALIDATION_MESSAGES_EN,
  type ValidationMessages,
} from '../../payload/messages.js';
import { DEFAULT_SCRIPT_TEMPLATES_EN, type ScriptTemplates } from '../../payload/scripts.js';
import type { ReceiptTexts } from '../handoff-receipt/handoff-receipt.messages.js';
import { catalogueFor } from './registry.js';
import { LAUNCHER_EN, OUTBOX_EN } from './shell.js';
import type {
  ActionOwner,
  Channel,
  DeepPartial,
  FollowUpBy,
  IfUnavailable,
  Mode,
  Priority,
  QualityCheck,
  ReadBackFactKind,
  ReasonCode,
  RedactionKind,
  VerificationMethod,
} from '../../payload/types.js';

/** The checklist of what a handoff still lacks (`quality.missing`); `{action}` names an undated action. */
export interface QualityTexts {
  title: string;
  /** `{score}` of `{max}`. */
  score: string;
  hint: string;
  allDone: string;
  checks: Record<QualityCheck, string>;
}

/** The receiver directory's combobox and what it says about the receiver's hours. */
export interface DirectoryTexts {
  label: string;
  hint: string;
  noMatch: string;
  /** Each option's state: `{time}` is when it changes. */
  openUntil: string;
  open: string;
  closedUntil: string;
  closed: string;
  presence: Record<'busy' | 'away' | 'offline', string>;
  /** The notice, `{who}` being the receiver. */
  closedNotice: string;
  closedNoticeNoHours: string;
  unavailableNotice: string;
  /** Added to the "inform before transfer" line while the receiver is not open. */
  informClosed: string;
  proposals: string;
  callbackAt: string;
  voicemail: string;
  requeue: string;
  alternative: string;
  /** `{time}` in the receiver's zone and `{yours}` in the agent's, when the two differ. */
  bothZones: string;
  /** A broken directory: `{problems}`. */
  problems: string;
  loadFailed: string;
}

export interface UiTexts {
  title: string;
  sections: Record<'why' | 'how' | 'recap' | 'customer' | 'actions' | 'receiver' | 'contingency' | 'check', string>;
  hints: Record<'detail' | 'summary' | 'tried' | 'managingUp' | 'fallback' | 'datetime', string>;
  required: string;
  addAction: string;
  removeAction: string;
  useSuggestion: string;
  sayToCustomer: string;
  informLine: string;
  apologyLine: string;
  transferCount: string;
  flagged: string;
  /** The status line after something was masked; each field says what (`maskedKinds`). */
  masked: string;
  /** Said at a field for each kind of thing masked in it. */
  maskedKinds: Record<RedactionKind, string>;
  errorSummaryOne: string;
  errorSummaryMany: string;
  send: string;
  newHandoff: string;
  copy: string;
  copied: string;
  status: Record<
    | 'saving'
    | 'sending'
    | 'delivered'
    | 'queuedOffline'
    | 'retrying'
    | 'rejected'
    | 'expired'
    | 'auth'
    | 'notSaved'
    | 'cancelled'
    | 'noEndpoint'
    | 'restored'
    | 'acknowledged'
    | 'declined',
    string
  >;
  outbox: Record<
    | 'pending'
    | 'dead'
    | 'allDelivered'
    | 'deadList'
    | 'retry'
    | 'discard'
    | 'rejectedItem'
    | 'expiredItem'
    | 'unreadableItem'
    | 'payloadRemoved',
    string
  >;
  /** The panel's list of the case's earlier handoffs and their fate. */
  history: Record<
    | 'title'
    | 'to'
    | 'waiting'
    | 'waitingOffline'
    | 'sending'
    | 'retrying'
    | 'delivered'
    | 'acknowledged'
    | 'declined'
    | 'rejected'
    | 'expired'
    | 'discarded'
    | 'left'
    | 'dismiss'
    | 'dismissLabel'
    | 'more',
    string
  >;
  /** English when a catalogue has none. */
  quality?: QualityTexts;
  /** The optional fields folded away until opened; `{count}` filled in them. English when a catalogue has none. */
  folds?: { followUp: string; more: string; filled: string };
  /** The receiver directory; English when a catalogue has none. */
  directory?: DirectoryTexts;
  /** The organisation's template and timing warnings; English when a catalogue has none. */
  template?: TemplateTexts;
  /**
   * A first "why I cannot resolve it" line per reason, put in the field when a reason is chosen and the
   * field is empty; the agent edits it. None when a catalogue has none.
   */
  reasonSuggestions?: Partial<Record<ReasonCode, string>>;
  /** The keyboard shortcuts' line under "Send handoff"; English when a catalogue has none. */
  shortcuts?: Record<'title' | 'send' | 'addAction' | 'nextProblem', string>;
  /** Added to "acknowledged" when the read-back left facts out; English when a catalogue has none. */
  readBack?: { missed: string; facts: Record<ReadBackFactKind, string> };
  launcher: Record<
    'open' | 'unsentDraft' | 'keepEditing' | 'closeAnyway' | 'close' | 'loading' | 'loadFailed' | 'retry',
    string
  >;
  options: {
    reason: Record<ReasonCode, string>;
    mode: Record<Mode, string>;
    channel: Record<Channel, string>;
    priority: Record<Priority, string>;
    owner: Record<ActionOwner, string>;
    followUpBy: Record<FollowUpBy, string>;
    ifUnavailable: Record<IfUnavailable, string>;
    verificationMethod: Record<VerificationMethod, string>;
  };
}

export interface HandoffMessages {
  /** BCP 47 tag, recorded in the payload's `client.locale`. */
  locale: string;
  ui: UiTexts;
  validation: ValidationMessages;
  fieldLabels: Record<string, string>;
  templates: ScriptTemplates;
  /** `<handoff-receipt>`'s texts; English when a catalogue has none. */
  receipt?: ReceiptTexts;
}

export const en: HandoffMessages = {
  locale: 'en',
  ui: {
    title: 'Hand off this customer',
    sections: {
      why: 'Why the transfer',
      how: 'How',
      recap: 'Recap',
      customer: 'Customer and verification',
      actions: 'Actions and next steps',
      receiver: 'Receiver and what to say',
      contingency: 'If the transfer fails',
      check: 'Before you send',
    },
    hints: {
      detail: 'What your role cannot do here.',
      summary: "The problem in the customer's words.",
      tried: 'One step per line.',
      managingUp: 'Suggested from the receiver; edit it to sound like you.',
      fallback: 'Required for phone transfers: a number that reaches the receiver if the call drops.',
      datetime: 'Your local time.',
    },
    required: 'required',
    addAction: 'Add action',
    removeAction: 'Remove action {index}',
    useSuggestion: 'Use the suggested script',
    sayToCustomer: 'Say to the customer',
    informLine: 'Before you transfer',
    apologyLine: 'Apology',
    transferCount: 'Transfer {count}',
    flagged: 'Transfer {count}: this contact is flagged for the priority lane.',
    masked: 'Sensitive details were masked before saving; the field says what.',
    maskedKinds: {
      'card-number': 'Card number masked: only the last 4 digits are kept.',
      'card-security-code': 'Card security code masked: it is never stored or sent.',
      'card-expiry': 'Card expiry date masked: it is never stored or sent.',
      'one-time-code': 'One-time code masked: it is never stored or sent.',
      pin: 'PIN masked: it is never stored or sent.',
      password: 'Password masked: it is never stored or sent.',
      'security-answer': 'Security answer masked: it is never stored or sent.',
    },
    errorSummaryOne: 'Fix 1 problem before sending:',
    errorSummaryMany: 'Fix {count} problems before sending:',
    send: 'Send handoff',
    newHandoff: 'Start a new handoff',
    copy: 'Copy handoff as text',
    copied: 'Copied.',
    status: {
      saving: 'Saving…',
      sending: 'Saved. Sending…',
      delivered: 'Delivered.',
      queuedOffline: "Saved. You're offline: it will be sent when you're back online.",
      retrying: 'Saved, not delivered yet: {reason}. Retrying at {time}.',
      rejected: 'Needs attention: the receiver rejected this handoff ({reason}).',
      expired: 'Needs attention: not delivered in time; see the outbox.',
      auth: 'Needs attention: sign in again so the handoff can be sent.',
      notSaved: 'Not saved: {reason} Your text is still here.',
      cancelled: 'Not sent: the page cancelled it.',
      noEndpoint: 'This panel has nowhere to send to: set its endpoint attribute.',
      restored: 'Draft restored.',
      acknowledged: 'Delivered and acknowledged by {name} at {time}.',
      declined: '{name} declined this handoff: {reason} Use your contingency plan.',
    },
    outbox: OUTBOX_EN,
    history: {
      title: 'Earlier handoffs on this case',
      to: 'To {receiver}, sent {time}',
      waiting: 'Waiting to be sent.',
      waitingOffline: "Waiting to be sent: you're offline.",
      sending: 'Sending…',
      retrying: 'Not delivered yet ({reason}); retrying at {time}.',
      delivered: 'Delivered; not acknowledged yet.',
      acknowledged: 'Delivered and acknowledged by {name} at {time}.',
      declined: '{name} declined it: {reason} Use your contingency plan.',
      rejected: 'Needs attention: the receiver rejected it ({reason}).',
      expired: 'Needs attention: not delivered in time; see the outbox.',
      discarded: 'Not delivered: it was discarded from the outbox.',
      left: "No longer in this browser's outbox.",
      dismiss: 'Dismiss',
      dismissLabel: 'Dismiss the handoff to {receiver}',
      more: '{count} earlier ones not shown: dismiss these to see them.',
    },
    quality: {
      title: 'A good handoff:',
      score: '{score} of {max}',
      hint: 'Still missing (you can send without them):',
      allDone: 'Every move of a good handoff is here.',
      checks: {
        'reason-detail': 'Say why you cannot resolve it yourself.',
        'customer-informed': 'Tell the customer who they are going to, and why.',
        'details-confirmed': 'Confirm the details with the customer.',
        'apology-given': 'Apologise: this customer has been transferred before.',
        'recap-summary': 'Give the recap in a sentence or two, so the customer need not repeat it.',
        'recap-expectation': 'Say what the customer expects.',
        'verification-method': 'Say whether the customer is verified, and how.',
        'customer-contact': 'Give a phone number or email to reach the customer.',
        'actions-listed': 'List what is still to be done.',
        'action-due': 'The action “{action}” has no deadline.',
        'managing-up-receiver': 'In the script, say who the receiver is and why they can help.',
        'receiver-expertise': 'Name what the receiver is expert in.',
        'fallback-number': 'Give a fallback number in case the transfer drops.',
        'if-unavailable': 'Say what happens if the receiver is unavailable.',
        'no-secrets-typed': 'A secret was typed and masked here: leave secrets out of handoffs.',
      },
    },
    folds: {
      followUp: 'Next steps and follow-up',
      more: 'Your callback number and a note',
      filled: '{count} filled',
    },
    directory: {
      label: 'Who can help',
      hint: 'Type a name, team or expertise; the arrow keys move through the directory.',
      noMatch: 'No one in the directory matches: type the receiver in the fields below.',
      openUntil: 'Open until {time}',
      open: 'Open',
      closedUntil: 'Closed until {time}',
      closed: 'Closed',
      presence: { busy: 'Busy', away: 'Away', offline: 'Offline' },
      closedNotice: '{who} is closed until {time}.',
      closedNoticeNoHours: '{who} is closed, with no opening in the next two weeks.',
      unavailableNotice: '{who} cannot take a transfer now ({presence}).',
      informClosed: 'They may not be able to take your call straight away.',
      proposals: 'Before you transfer, tell the customer and offer:',
      callbackAt: 'A callback at {time}',
      voicemail: 'Voicemail',
      requeue: 'Back in the queue',
      alternative: '{who} instead (open now)',
      bothZones: '{time} their time ({yours} yours)',
      problems: 'Some directory entries cannot be used: {problems}',
      loadFailed: 'The directory could not be loaded from {url}: {reason}. Type the receiver in the fields below.',
    },
    reasonSuggestions: {
      escalation: 'This needs approval above my limit, so a supervisor has to decide.',
      specialist: 'This needs a specialist’s knowledge that I do not have.',
      'shift-change': 'My shift is ending before this can be finished.',
      'absence-cover': 'I will be away before this can be finished.',
    },
    shortcuts: {
      title: 'Keys:',
      send: 'sends',
      addAction: 'adds an action',
      nextProblem: 'goes to the next problem',
    },
    readBack: {
      missed: 'Read-back missed {facts}.',
      facts: {
        amount: 'an amount',
        deadline: 'a deadline',
        expectation: 'what the customer expects',
        verification: 'the verification',
        fallback: 'the fallback',
      },
    },
    launcher: LAUNCHER_EN,
    options: {
      reason: {
        escalation: 'Escalation',
        specialist: 'Specialist expertise',
        'shift-change': 'Shift change',
        'absence-cover': 'Absence cover',
        other: 'Other',
      },
      mode: { warm: 'Warm (I stay on until they take over)', blind: 'Blind' },
      channel: { phone: 'Phone', chat: 'Chat', email: 'Email', 'in-person': 'In person' },
      priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
      owner: { receiver: 'Receiver', sender: 'Me', customer: 'Customer' },
      followUpBy: { receiver: 'Receiver', sender: 'Me' },
      ifUnavailable: {
        callback: 'Call the customer back',
        voicemail: 'Leave a voicemail',
        requeue: 'Back to the queue',
        other: 'Other',
      },
      verificationMethod: {
        'security-questions': 'Security questions',
        'one-time-code': 'One-time code',
        'id-document': 'ID document',
        'voice-biometrics': 'Voice biometrics',
        callback: 'Callback to a number on file',
        other: 'Other',
      },
    },
  },
  validation: DEFAULT_VALIDATION_MESSAGES_EN,
  fieldLabels: DEFAULT_FIELD_LABELS_EN,
  templates: DEFAULT_SCRIPT_TEMPLATES_EN,
};

export type HandoffMessagesOverride = DeepPartial<HandoffMessages>;

export { mergeMessages, registerLocale } from './registry.js';

/** The catalogue for a language tag: exact, then its base language (`pt-BR` → `pt`), then English. */
export function messagesFor(tag: string | undefined): HandoffMessages {
  return catalogueFor(tag, en);
}
