/** The words the panel, the receipt and the note use for an organisation's template and for timing. */

export interface TemplateTexts {
  yes: string;
  no: string;
  /** A field a draft kept from a template no longer configured; `{label}` is its key. */
  earlier: string;
  /** Timing warnings at the field; `{time}` and `{canAct}` are formatted times (the receiver's clock, and the agent's where it differs). */
  past: string;
  beforeCanAct: string;
  outsideHours: string;
  /** The receiver is not open again within two weeks. */
  neverOpen: string;
  /** `<handoff-receipt>` and the helpdesk note. */
  fieldsTitle: string;
  checklistTitle: string;
  ticked: string;
  notTicked: string;
  overdue: string;
  receivedPast: string;
  receivedBeforeCanAct: string;
  receivedOutsideHours: string;
}

export const enTemplate: TemplateTexts = {
  yes: 'Yes',
  no: 'No',
  earlier: '{label} (from an earlier template)',
  past: 'This time has already passed ({time}).',
  beforeCanAct: 'Due before the receiver can act on it: they can from {canAct}.',
  outsideHours: "Outside the receiving team's hours: they open {canAct}.",
  neverOpen: 'The receiver is not open again within two weeks.',
  fieldsTitle: "The organisation's fields",
  checklistTitle: "The organisation's checklist",
  ticked: 'done',
  notTicked: 'not done',
  overdue: 'Overdue',
  receivedPast: 'Already due when it was sent',
  receivedBeforeCanAct: 'Due before you could act on it[ (from {canAct})]',
  receivedOutsideHours: 'Set outside your hours[ (you open {canAct})]',
};
