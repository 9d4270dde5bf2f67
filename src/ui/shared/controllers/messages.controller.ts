/**
 * The catalogue an element speaks: its config's messages over the page-wide defaults' over the catalogue
 * of its language, resolved once per change (a render reads it many times), and a re-render whenever
 * the page-wide defaults change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HandoffMessages } from '../../messages/catalogue.js';
import { catalogueFor, mergeMessages } from '../../messages/registry.js';
import type { ElementConfig } from '../config.js';
import { elementDefaults, elementLocale, onDefaultsChange } from '../defaults.js';

export interface MessagesHost extends ReactiveControllerHost, Element {
  readonly config: ElementConfig;
}

export class MessagesController<M extends HandoffMessages = HandoffMessages> implements ReactiveController {
  #cache: { base: HandoffMessages; override: unknown; locale: string; messages: M } | undefined;
  #stopDefaults: (() => void) | undefined;

  readonly #host: MessagesHost;
  readonly #english: HandoffMessages;
  readonly #extend: (base: HandoffMessages) => M;
  /** Called after the page-wide defaults changed, before the re-render. */
  readonly #onDefaults: () => void;

  /**
   * @param english the English texts the element reads when no catalogue is registered for its language:
   *   the whole catalogue (`en`), or only what it shows (`enShell`, for the script tag's first file)
   * @param extend adds what one element needs on top of a catalogue (the receipt's texts), so others
   *   do not carry it.
   */
  constructor(
    host: MessagesHost,
    english: HandoffMessages,
    extend: (base: HandoffMessages) => M = (base) => base as M,
    onDefaults: () => void = () => undefined,
  ) {
    this.#host = host;
    this.#english = english;
    this.#extend = extend;
    this.#onDefaults = onDefaults;
    host.addController(this);
  }

  hostConnected(): void {
    this.#stopDefaults = onDefaultsChange(() => {
      this.#cache = undefined;
      this.#onDefaults();
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#stopDefaults?.();
  }

  get locale(): string {
    return elementLocale(this.#host, this.#host.config.locale);
  }

  get messages(): M {
    const { locale } = this;
    const base = catalogueFor(locale, this.#english);
    const override = this.#host.config.messages ?? elementDefaults().messages;
    const cached = this.#cache;
    if (cached?.base === base && cached.override === override && cached.locale === locale) return cached.messages;
    const messages = { ...mergeMessages(this.#extend(base), override), locale } as M;
    this.#cache = { base, override, locale, messages };
    return messages;
  }
}
