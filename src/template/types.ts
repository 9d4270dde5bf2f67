/**
 * An organisation's handoff template: its own fields, the moves its protocol makes mandatory per reason
 * and channel, its extra checklist items and its notice for actions. Data only; see checkTemplate.
 */
import type { QualityMove } from '../payload/quality.js';
import type { Channel, ReasonCode } from '../payload/types.js';

/** The panel's eight steps, by the names a custom field is placed in. */
export const TEMPLATE_SECTIONS = [
  'why',
  'how',
  'recap',
  'customer',
  'actions',
  'receiver',
  'contingency',
  'check',
] as const;
export type TemplateSection = (typeof TEMPLATE_SECTIONS)[number];

/** A custom field's key, and a checklist item's id, as the payload's schema allows them. */
export const FIELD_KEY = /^[a-z][A-Za-z0-9_]{0,63}$/;
export const CHECKLIST_ID = /^[a-z][A-Za-z0-9_-]{0,63}$/;

export const CUSTOM_FIELD_TYPES = ['text', 'long-text', 'number', 'date-time', 'choice', 'yes-no'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** A text in one language, or per locale (`{ en: 'Order number', es: 'Número de pedido' }`). */
export type LocalisedText = string | Record<string, string>;

/** When a field, check or checklist item applies: for these reasons and channels (each: any, if left out). */
export interface AppliesWhen {
  reasons?: ReasonCode[];
  channels?: Channel[];
}

export interface CustomField {
  /** Its key in the payload's `extensions`: a letter, then letters, digits or `_` (`orderNumber`). */
  key: string;
  label: LocalisedText;
  type: CustomFieldType;
  /**
   * Required always (`true`), or for some reasons and channels.
   * @default false
   */
  required?: boolean | AppliesWhen;
  /**
   * The step it is shown in.
   * @default 'why'
   */
  section?: TemplateSection;
  /** The values of a `choice`, each with its label. */
  options?: { value: string; label: LocalisedText }[];
  /** A line under the field. */
  hint?: LocalisedText;
}

/** An item the agent ticks, recorded in the payload's `template.checklist` with whether it was ticked. */
export interface ChecklistItem {
  /** A letter, then letters, digits, `-` or `_` (`offered-de-escalation`). */
  id: string;
  label: LocalisedText;
  /**
   * The move of a good handoff it belongs to, where the trainer's rubric counts it when required.
   * @default 'reason'
   */
  move?: QualityMove;
}

/**
 * A move the protocol requires: one of the quality checks (`apology-given`, `fallback-number`, …) or one
 * of the template's checklist items, by its id.
 */
export interface Requirement extends AppliesWhen {
  /** A quality check (`QualityCheck`), or a checklist item's id. */
  check: string;
}

export interface HandoffTemplate {
  /** Recorded in the payload's `template.id`, so that receivers know which protocol it followed. */
  id: string;
  version?: string;
  name?: LocalisedText;
  fields?: CustomField[];
  checklist?: ChecklistItem[];
  /** Moves that block sending until done, for the reasons and channels given. */
  required?: Requirement[];
  /** Quality checks the protocol does not ask for: left off the panel's checklist (never contract fields). */
  optional?: Requirement[];
  timing?: {
    /**
     * How long before an action's due time the receiver needs it, in minutes.
     * @default 0
     */
    minimumNoticeMinutes?: number;
  };
}
