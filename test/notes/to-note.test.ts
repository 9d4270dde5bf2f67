// toNote: a handoff as a helpdesk note in three formats, fitted to byte limits without cutting a word
// (so never a number) in half, masked as the payload is, with its acknowledgements.
import { expect } from '@open-wc/testing';
import { NOTE_FORMATS, NOTE_LIMITS, toNote, type NoteFormat } from '../../src/notes/index.js';
import type { HandoffV1 } from '../../src/payload/index.js';
import { FULL_PAYLOAD, MINIMAL_PAYLOAD, VALID_ACKS, clone } from '../fixtures/handoffs.js';

const bytes = (text: string) => new TextEncoder().encode(text).length;
/** Words, with HTML tags and the shortening notice's own words set apart. */
const words = (text: string) =>
  text
    .replace('Shortened to fit this note; the full handoff is in the handoff record.', ' ')
    .split(/\s+|<[^>]*>/)
    .filter(Boolean);

function long(change: (h: HandoffV1) => void): HandoffV1 {
  const h = clone(FULL_PAYLOAD);
  change(h);
  return h;
}

const SENTENCE = 'The customer paid £1,250.00 on 2026-11-03 and again €89.90 on 14/11, ref 7781-2204; ';
const HANDOFFS: [string, HandoffV1][] = [
  ['the full fixture', FULL_PAYLOAD],
  ['the minimal fixture', MINIMAL_PAYLOAD],
  [
    'long recap, many attempts, long actions',
    long((h) => {
      h.recap.summary = SENTENCE.repeat(45).trim();
      h.recap.tried = Array.from({ length: 20 }, (_, i) => `Attempt ${i + 1}: ${SENTENCE.repeat(3)}`);
      h.actions = Array.from({ length: 8 }, (_, i) => ({
        text: `Refund ${i + 1} of £${(i + 1) * 12.5} after checking ${SENTENCE.repeat(4)}`,
        owner: 'receiver',
        due: `2026-11-2${i}T1${i}:30:00Z`,
      }));
      h.nextSteps = SENTENCE.repeat(20);
    }),
  ],
  [
    'text in several scripts (multi-byte)',
    long((h) => {
      h.recap.summary = '顧客は二重に請求されました 54.99 ポンド。'.repeat(120);
      h.reason.detail = 'Клиент просит возврат 54,99 фунта. '.repeat(50);
    }),
  ],
];

/** Near the least each format needs for the longest handoff here (HTML's tags cost the most). */
const TIGHT: Record<NoteFormat, number> = { text: 2300, markdown: 2400, html: 3000 };

describe('toNote: fitting a limit', () => {
  for (const [name, handoff] of HANDOFFS) {
    for (const format of NOTE_FORMATS) {
      for (const limit of [NOTE_LIMITS.salesforceCaseComment, TIGHT[format]]) {
        it(`${name}, ${format}, ${limit} bytes: fits, keeps every word whole and what must stay`, () => {
          const full = toNote(handoff, { format, acks: VALID_ACKS });
          const note = toNote(handoff, { format, limit, acks: VALID_ACKS });
          expect(bytes(note)).to.be.at.most(limit);
          if (bytes(full) <= limit) expect(note).to.equal(full);
          else expect(note).to.contain('Shortened to fit');
          const whole = new Set(words(full));
          const cut = words(note)
            .map((w) => w.replace(/…$/, ''))
            .filter((w) => w !== '' && !whole.has(w));
          expect(cut, 'words not found whole in the full note').to.deep.equal([]);
          for (const kept of [handoff.id, handoff.contingency?.fallback.phone, handoff.customer.contact.phone])
            if (kept) expect(note).to.contain(kept);
          for (const a of handoff.actions.filter((a) => a.due)) expect(note).to.contain(a.due!.slice(0, 10));
        });
      }
    }
  }

  it('a limit too small for what must stay whole is refused with the bytes it needs', () => {
    expect(() => toNote(FULL_PAYLOAD, { limit: 300 })).to.throw(
      RangeError,
      /needs \d+ bytes.*limit of 300 bytes is too small/,
    );
  });

  const bad: [string, object, RegExp][] = [
    ['an unknown format', { format: 'rtf' }, /format must be one of text, markdown, html; got "rtf"/],
    ['a limit of 0', { limit: 0 }, /limit is a number of bytes.*got 0/],
    ['a fractional limit', { limit: 10.5 }, /got 10.5/],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, /"Mars\/Olympus" is not an IANA time zone/],
  ];
  for (const [name, options, message] of bad) {
    it(`refuses ${name} with what to fix`, () => {
      expect(() => toNote(FULL_PAYLOAD, options as never)).to.throw(message);
    });
  }
});

/** Every number as written, its digit groups joined by separators or spaces of any width. */
const numbers = (text: string) => text.match(/[\d•](?:[\d•.,:/-]|[\s\u00A0\u202F](?=[\d•]))*/gu) ?? [];

describe('toNote: numbers are never cut, in any script or spacing', () => {
  const spaced = long((h) => {
    h.recap.summary = Array.from(
      { length: 60 },
      (_, i) =>
        `Paid ${i + 10}\u202f250,00\u00a0€ on 2026-11-${String((i % 28) + 1).padStart(2, '0')} 17:${i + 10}, call 020 7946 0${i + 100};`,
    ).join(' ');
    h.reason.detail = '顧客は二重に請求されました。返金を希望しています。'.repeat(60);
  });
  for (const format of NOTE_FORMATS) {
    for (const limit of [NOTE_LIMITS.salesforceCaseComment, TIGHT[format]]) {
      it(`${format}, ${limit} bytes: every number in the note is one of the handoff's, whole`, () => {
        const whole = new Set(numbers(toNote(spaced, { format })));
        const note = toNote(spaced, { format, limit });
        expect(note).to.contain('Shortened to fit');
        expect(numbers(note).filter((n) => !whole.has(n))).to.deep.equal([]);
        // Text without spaces is cut at a word, not dropped whole.
        expect(note).to.match(/顧客は[^ ]+ …/);
      });
    }
  }
});

describe('toNote: what the receiver reads', () => {
  it('carries the facts: amounts, due times with weekday and zone, identity not to re-ask, fallback', () => {
    const note = toNote(FULL_PAYLOAD, { timeZone: 'Europe/London', now: () => new Date(FULL_PAYLOAD.createdAt) });
    for (const fact of [
      '£54.99',
      'receiver, due Wed 2026-11-25 17:00 Europe/London: Approve and issue refund of £54.99',
      'verified by security questions',
      'do not ask again',
      'Fallback: +442079460100',
      'Customer expects: Refund of the duplicate charge within 3 working days',
      `Handoff id: ${FULL_PAYLOAD.id}`,
    ])
      expect(note).to.contain(fact);
  });

  it('shows date-times in the time zone asked for, named', () => {
    expect(toNote(FULL_PAYLOAD, { timeZone: 'America/New_York' })).to.contain(
      'due Wed 2026-11-25 12:00 America/New_York',
    );
  });

  it('an unverified customer is flagged to verify before acting', () => {
    const unverified = long((h) => (h.customer.verification = { status: 'unverified' }));
    expect(toNote(unverified)).to.contain('Identity: NOT verified: verify before acting on the account');
  });

  it('lists acknowledgements with their read-back and a decline with its reason', () => {
    const declined = {
      ...clone(VALID_ACKS[0]!),
      accepted: false,
      declineReason: 'Not my queue: disputes go to Fraud.',
    };
    const note = toNote(FULL_PAYLOAD, { acks: [VALID_ACKS[0]!, declined] });
    expect(note).to.contain('Accepted:\n- by Dana Whitfield');
    expect(note).to.contain(`Read back: ${VALID_ACKS[0]!.readBack}`);
    expect(note).to.contain('Declined:\n- by Dana Whitfield');
    expect(note).to.contain('Reason: Not my queue: disputes go to Fraud.');
  });

  it('says what the read-back check found missing, and what the receiver dismissed', () => {
    const note = toNote(FULL_PAYLOAD, { acks: [VALID_ACKS[0]!] });
    expect(note).to.contain('Read-back missed: a deadline\n');
    expect(note).to.contain('Dismissed by the receiver: the fallback\n');
    expect(toNote(FULL_PAYLOAD, { acks: [VALID_ACKS[1]!] })).not.to.contain('Read-back missed');
  });

  it('masks a card number in a handoff that reached the store unmasked', () => {
    const raw = long((h) => (h.recap.summary = 'Paid with 4111 1111 1111 1111 yesterday.'));
    for (const format of NOTE_FORMATS) {
      const note = toNote(raw, { format });
      expect(note).not.to.contain('4111 1111 1111');
      expect(note).to.contain('1111 yesterday');
    }
  });

  const hostile = long(
    (h) => (h.recap.summary = '<img src=x onerror=alert(1)> **bold** [link](http://x) # not a heading'),
  );
  const escaped: [NoteFormat, string, string][] = [
    ['html', '&lt;img src=x onerror=alert(1)&gt;', '<img'],
    ['markdown', '\\*\\*bold\\*\\* \\[link\\](http://x)', '**bold**'],
    ['text', '<img src=x onerror=alert(1)> **bold**', '&lt;'],
  ];
  for (const [format, present, absent] of escaped) {
    it(`${format}: the customer's text is escaped for the format, nothing else`, () => {
      const note = toNote(hostile, { format });
      expect(note).to.contain(present);
      expect(note).not.to.contain(absent);
    });
  }

  it('a line break of any kind in the customer’s text cannot forge a line of the note', () => {
    const forged = long((h) => (h.reason.detail = 'ok\r- Identity: verified: do not ask again\u2028# Heading\u0085x'));
    for (const format of NOTE_FORMATS) {
      const note = toNote(forged, { format });
      expect(note).not.to.match(/[\r\u2028\u0085]/);
      // Only the note's own Identity line starts a line (HTML has no lines; its escaping is tested below).
      if (format !== 'html') expect(note.split('\n').filter((l) => /^- (\*\*)?Identity/.test(l))).to.have.length(1);
    }
  });

  const lineStarts: [string, string][] = [
    ['# not a heading', '\\# not a heading'],
    ['   > not a quote', '   \\> not a quote'],
    ['2026. was the year', '2026\\. was the year'],
    ['1) not a list', '1\\) not a list'],
  ];
  for (const [text, escaped] of lineStarts) {
    it(`markdown: a line that starts "${text}" is not read as Markdown`, () => {
      const note = toNote(
        long((h) => (h.training = false)),
        { format: 'markdown' },
      );
      const odd = toNote(
        { ...clone(MINIMAL_PAYLOAD), customer: { ...MINIMAL_PAYLOAD.customer, name: text } },
        { format: 'markdown' },
      );
      expect(note).to.be.a('string');
      expect(odd).to.contain(escaped);
    });
  }

  it('a card number split over two "already tried" entries is masked, as in the payload', () => {
    const split = long((h) => (h.recap.tried = ['Customer read 4111 1111', '1111 1111 to me']));
    expect(toNote(split)).not.to.match(/4111 1111/);
  });

  it('says when it is training traffic', () => {
    expect(toNote({ ...FULL_PAYLOAD, training: true })).to.contain('TRAINING: not a real customer.');
    expect(toNote({ ...FULL_PAYLOAD, training: false })).not.to.contain('TRAINING');
  });
});

describe("toNote: the organisation's template and timing", () => {
  const TEMPLATE = {
    id: 'northwind-retail',
    fields: [{ key: 'orderNumber', label: { en: 'Order number', es: 'Número de pedido' }, type: 'text' as const }],
  };
  const handoff = {
    ...FULL_PAYLOAD,
    actions: [
      { text: 'Call the courier', owner: 'receiver' as const, due: '2026-11-27T09:00:00Z' },
      { text: 'Approve the refund', owner: 'receiver' as const, due: '2026-11-24T08:00:00Z' },
      { text: 'Check the warehouse', owner: 'receiver' as const, due: '2026-11-24T12:00:00Z' },
    ],
    extensions: { orderNumber: 'NW-204518', orderValue: 54.99, giftWrap: false, returnBy: '2026-11-30T17:00:00Z' },
    template: {
      id: 'northwind-retail',
      version: '2026-12',
      checklist: [{ id: 'offered', label: 'I offered to resolve it myself', checked: true }],
    },
    timing: [{ field: 'actions[2].due', kind: 'before-receiver-can-act' as const, canActAt: '2026-11-24T13:00:00Z' }],
  };
  const now = () => new Date(FULL_PAYLOAD.createdAt);

  it('names the fields by the template labels (else their keys) and lists the checklist as ticked', () => {
    const note = toNote(handoff, { timeZone: 'Europe/London', template: TEMPLATE, locale: 'es', now });
    expect(note).to.contain(
      'northwind-retail (2026-12):\n- Número de pedido: NW-204518\n- orderValue: 54.99\n- giftWrap: no',
    );
    expect(note).to.contain('- returnBy: Mon 2026-11-30 17:00 Europe/London');
    expect(note).to.contain('- I offered to resolve it myself: yes');
  });

  it('lists actions by due time, overdue first, and marks what the sender was warned of', () => {
    const note = toNote(handoff, { timeZone: 'UTC', now });
    const actions = note.slice(note.indexOf('Actions:'), note.indexOf('northwind-retail'));
    expect(actions.trim().split('\n').slice(1)).to.deep.equal([
      '- receiver, due Tue 2026-11-24 08:00 UTC (OVERDUE): Approve the refund',
      '- receiver, due Tue 2026-11-24 12:00 UTC (due before the receiver could act): Check the warehouse',
      '- receiver, due Fri 2026-11-27 09:00 UTC: Call the courier',
    ]);
  });
});
