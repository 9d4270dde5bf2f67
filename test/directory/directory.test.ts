import { expect } from '@open-wc/testing';
import {
  availabilityOf,
  checkDirectory,
  describeHours,
  openingAt,
  parseSpan,
  sameExpertise,
  searchDirectory,
  type DirectoryEntry,
  type OpeningHours,
} from '../../src/directory/index.js';
import { instantAt } from '../../src/payload/zone-time.js';

const LONDON_WEEKDAYS: OpeningHours = {
  timeZone: 'Europe/London',
  weekly: {
    mon: ['09:00-17:00'],
    tue: ['09:00-17:00'],
    wed: ['09:00-17:00'],
    thu: ['09:00-17:00'],
    fri: ['09:00-17:00'],
  },
};
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

const entry = (over: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  name: 'Dana Whitfield',
  team: 'Billing supervisors',
  expertise: 'refunds and disputed charges',
  fallback: { phone: '+44 20 7946 0100', name: 'Billing desk' },
  ...over,
});

describe('opening hours', () => {
  it('reads spans, refusing the ones that are not', () => {
    expect(parseSpan('09:00-17:30')).to.deep.equal([540, 1050]);
    expect(parseSpan('00:00-24:00')).to.deep.equal([0, 1440]);
    for (const bad of ['9-17', '17:00-09:00', '09:00-09:00', '25:00-26:00', '09:00–17:00', 9, undefined])
      expect(parseSpan(bad), String(bad)).to.equal(undefined);
  });

  it('is open in a span, until its end, in the receiver’s own zone (GMT in winter)', () => {
    // Wednesday 2 December 2026, 10:00 in London.
    const open = openingAt(LONDON_WEEKDAYS, at('2026-12-02T10:00:00Z'));
    expect(open).to.deep.equal({ open: true, closesAt: at('2026-12-02T17:00:00Z') });
  });

  it('counts British Summer Time: 09:00 in London in July is 08:00 UTC', () => {
    expect(openingAt(LONDON_WEEKDAYS, at('2026-07-01T08:30:00Z')).open).to.equal(true);
    expect(openingAt(LONDON_WEEKDAYS, at('2026-07-01T07:30:00Z'))).to.deep.equal({
      open: false,
      opensAt: at('2026-07-01T08:00:00Z'),
    });
  });

  it('after Friday’s close, opens next on Monday morning', () => {
    expect(iso(openingAt(LONDON_WEEKDAYS, at('2026-12-04T17:00:00Z')).opensAt)).to.equal('2026-12-07T09:00:00.000Z');
  });

  it('an exception closes a weekday, or opens a closed day', () => {
    const hours: OpeningHours = { ...LONDON_WEEKDAYS, exceptions: { '2026-12-25': [], '2026-12-26': ['10:00-14:00'] } };
    const christmasEve = openingAt(hours, at('2026-12-24T18:00:00Z'));
    expect(iso(christmasEve.opensAt)).to.equal('2026-12-26T10:00:00.000Z');
  });

  it('spans that meet are one opening; overnight hours are two days’ spans', () => {
    const hours: OpeningHours = {
      timeZone: 'UTC',
      weekly: { mon: ['18:00-24:00'], tue: ['00:00-06:00', '06:00-08:00'] },
    };
    expect(iso(openingAt(hours, at('2026-11-30T23:00:00Z')).closesAt)).to.equal('2026-12-01T08:00:00.000Z');
  });

  it('reads the clock of a zone far from the runtime’s (Tokyo’s Monday is Sunday in UTC)', () => {
    const tokyo: OpeningHours = { timeZone: 'Asia/Tokyo', weekly: { mon: ['09:00-18:00'] } };
    expect(openingAt(tokyo, at('2026-12-06T23:30:00Z')).open).to.equal(false);
    expect(openingAt(tokyo, at('2026-12-07T00:30:00Z')).open).to.equal(true);
  });

  it('says nothing of an opening beyond two weeks', () => {
    expect(openingAt({ timeZone: 'UTC', weekly: {} }, at('2026-12-02T10:00:00Z'))).to.deep.equal({
      open: false,
      opensAt: undefined,
    });
  });

  it('finds the instant of a wall time across DST, and an hour on in the spring gap', () => {
    const day = { year: 2026, month: 3, day: 29, weekday: 0 };
    expect(new Date(instantAt(day, 60 + 30, 'Europe/London')).toISOString()).to.equal('2026-03-29T01:30:00.000Z');
    expect(new Date(instantAt(day, 3 * 60, 'Europe/London')).toISOString()).to.equal('2026-03-29T02:00:00.000Z');
    const autumn = { year: 2026, month: 10, day: 25, weekday: 0 };
    expect(new Date(instantAt(autumn, 9 * 60, 'Europe/London')).toISOString()).to.equal('2026-10-25T09:00:00.000Z');
  });
});

describe('availability', () => {
  it('an entry without hours is open; presence can make it unavailable', () => {
    const plain = entry();
    expect(availabilityOf(plain, at('2026-12-02T10:00:00Z'))).to.deep.equal({
      status: 'open',
      checkedAt: '2026-12-02T10:00:00.000Z',
    });
    expect(availabilityOf(plain, at('2026-12-02T10:00:00Z'), 'away').status).to.equal('unavailable');
    expect(availabilityOf(plain, at('2026-12-02T10:00:00Z'), 'available').status).to.equal('open');
  });

  it('outside hours it is closed with the next opening and the zone, whatever presence says', () => {
    const closed = availabilityOf(entry({ hours: LONDON_WEEKDAYS }), at('2026-12-05T10:00:00Z'), 'available');
    expect(closed).to.deep.equal({
      status: 'closed',
      checkedAt: '2026-12-05T10:00:00.000Z',
      opensAt: '2026-12-07T09:00:00.000Z',
      timeZone: 'Europe/London',
      presence: 'available',
    });
  });

  it('in hours but busy it is unavailable, with the end of the opening', () => {
    const busy = availabilityOf(entry({ hours: LONDON_WEEKDAYS }), at('2026-12-02T10:00:00Z'), 'busy');
    expect(busy).to.include({ status: 'unavailable', closesAt: '2026-12-02T17:00:00.000Z', presence: 'busy' });
  });
});

describe('checkDirectory', () => {
  it('keeps good entries, giving each an id (the name, else the team)', () => {
    const { entries, problems } = checkDirectory([
      entry(),
      { team: 'Privacy', fallback: { phone: '+44 20 7946 0500' } },
    ]);
    expect(problems).to.deep.equal([]);
    expect(entries.map((e) => e.id)).to.deep.equal(['Dana Whitfield', 'Privacy']);
    expect(checkDirectory({ entries: [entry()] }).entries).to.have.length(1);
  });

  it('reports each broken entry with the key to fix, and leaves it out', () => {
    const { entries, problems } = checkDirectory([
      entry(),
      { team: '', fallback: { phone: 'call reception' }, colour: 'red' },
      entry({ id: 'x', hours: { timeZone: 'Europe/Londn', weekly: { mon: ['9-5'], funday: [] } as never } }),
      entry({ id: 'y', ifUnavailable: 'pray' as never, hours: { ...LONDON_WEEKDAYS, exceptions: { '25/12': [] } } }),
      entry(),
      'Dana',
    ]);
    expect(entries.map((e) => e.id)).to.deep.equal(['Dana Whitfield']);
    const text = problems.join('\n');
    for (const expected of [
      'directory[1].colour: not a directory key',
      'directory[1].team: expected text of 1 to 200 characters (required)',
      'directory[1].fallback.phone: expected a phone number in international form',
      'directory[2].hours.timeZone: expected an IANA time zone, e.g. "Europe/London" (got "Europe/Londn")',
      'directory[2].hours.weekly.mon[0]: "9-5" is not a span like "09:00-17:00"',
      'directory[2].hours.weekly.funday: not a day',
      'directory[3].ifUnavailable: expected one of callback, voicemail, requeue, other',
      'directory[3].hours.exceptions.25/12: not a date like "2026-12-25"',
      'directory[4]: the id "Dana Whitfield" is used twice',
      'directory[5]: expected an object',
    ])
      expect(text).to.contain(expected);
  });

  it('refuses what is not a list at all', () => {
    expect(checkDirectory('people').problems[0]).to.contain('expected an array of entries');
  });
});

describe('searching the directory', () => {
  const entries = [
    entry(),
    entry({ name: 'Inés Moreau', team: 'Building Materials', expertise: 'sub-floors and framing' }),
    entry({ name: undefined, team: 'Billing night desk', expertise: 'refunds and disputed charges' }),
  ];
  it('finds by the start of any word of name, team or expertise, without accents or case', () => {
    expect(searchDirectory(entries, 'ines').map((e) => e.team)).to.deep.equal(['Building Materials']);
    expect(searchDirectory(entries, 'bill sup').map((e) => e.name)).to.deep.equal(['Dana Whitfield']);
    expect(searchDirectory(entries, 'REFUND')).to.have.length(2);
    expect(searchDirectory(entries, '  ')).to.have.length(3);
    expect(searchDirectory(entries, 'zzz')).to.have.length(0);
  });

  it('alternatives share the team or the expertise', () => {
    expect(sameExpertise(entries, entries[0]!).map((e) => e.team)).to.deep.equal(['Billing night desk']);
  });
});

describe('describeHours', () => {
  it('runs days with the same spans together, Monday first, with the zone', () => {
    const hours: OpeningHours = {
      ...LONDON_WEEKDAYS,
      weekly: { ...LONDON_WEEKDAYS.weekly, sat: ['10:00-14:00'], sun: ['10:00-14:00'] },
    };
    expect(describeHours(hours)).to.equal('Mon–Fri 09:00–17:00; Sat–Sun 10:00–14:00 (Europe/London)');
    expect(describeHours({ timeZone: 'UTC', weekly: { wed: ['08:00-12:00', '13:00-17:00'] } })).to.equal(
      'Wed 08:00–12:00, 13:00–17:00 (UTC)',
    );
    expect(describeHours({ timeZone: 'UTC', weekly: {} })).to.equal('Closed (UTC)');
  });
});

describe('opening hours at the autumn change', () => {
  it('a span starting in the repeated hour opens at its first occurrence (01:00 BST)', () => {
    const hours: OpeningHours = { timeZone: 'Europe/London', weekly: { sun: ['01:00-03:00'] } };
    expect(openingAt(hours, at('2026-10-25T00:30:00Z')).open).to.equal(true);
    const day = { year: 2026, month: 10, day: 25, weekday: 0 };
    expect(new Date(instantAt(day, 90, 'Europe/London')).toISOString()).to.equal('2026-10-25T00:30:00.000Z');
    // West of UTC too: New York repeats 01:00–02:00 on 1 November 2026.
    const ny = { year: 2026, month: 11, day: 1, weekday: 0 };
    expect(new Date(instantAt(ny, 90, 'America/New_York')).toISOString()).to.equal('2026-11-01T05:30:00.000Z');
  });
});
