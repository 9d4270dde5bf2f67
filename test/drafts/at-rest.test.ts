// Drafts and the sent log at rest: sealed, filed under HMACs, expiring, kept per tab without a case,
// and older clear records sealed on upgrade.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { useDraftsDB } from './helpers.js';
import { DraftStore } from '../../src/drafts/draft-store.js';
import { SentLog } from '../../src/drafts/sent-log.js';
import fc from 'fast-check';
import { digitsOf, readable, textWithCard } from '../fixtures/card-text.js';
import { rawText } from '../fixtures/raw-idb.js';

const SECRET = 'Zebra-Quartz-7781';
const HOUR = 3_600_000;

describe('drafts at rest', () => {
  const db = useDraftsDB();

  it('stores neither the draft nor its case id in clear, and reads them back', async () => {
    const store = new DraftStore(db.name);
    await store.save('C-SECRET-CASE', { recap: { summary: `${SECRET} and card 4111 1111 1111 1111` } });
    const raw = await rawText(db.name);
    expect(raw).not.to.contain('Zebra-Quartz');
    expect(raw).not.to.contain('C-SECRET-CASE');
    expect(raw).not.to.contain('1111');
    const saved = await store.load('C-SECRET-CASE');
    expect(saved!.draft.recap!.summary).to.equal(`${SECRET} and card •••• •••• •••• 1111`);
    expect(saved!.redactions).to.deep.equal([{ field: 'recap.summary', kind: 'card-number' }]);
  });

  it('a draft past its time to live is deleted, never restored', async () => {
    let now = Date.UTC(2026, 11, 2, 9);
    const store = new DraftStore(db.name, 24 * HOUR, () => now);
    await store.save('C-1', { recap: { summary: 'typed yesterday' } });
    await store.save('C-2', { recap: { summary: 'typed later' } });
    now += 24 * HOUR - 1;
    expect((await store.load('C-1'))?.draft.recap?.summary).to.equal('typed yesterday');
    now += 1;
    expect(await store.load('C-1')).to.equal(undefined);
    const raw = await openDB(db.name);
    expect(await raw.count('drafts')).to.equal(1);
    raw.close();
    now += HOUR;
    expect(await store.deleteExpired()).to.equal(1);
  });

  it('a panel without a case keeps its draft for its own tab: another tab or session does not get it', async () => {
    const store = new DraftStore(db.name);
    await store.save('', { recap: { summary: 'first customer' } });
    expect((await store.load(''))?.draft.recap?.summary).to.equal('first customer');
    const session = sessionStorage.getItem('handoff-panel:draft-session');
    try {
      sessionStorage.removeItem('handoff-panel:draft-session'); // as in a new tab or browser session
      expect(await store.load('')).to.equal(undefined);
    } finally {
      if (session) sessionStorage.setItem('handoff-panel:draft-session', session);
    }
  });

  it('seals the clear drafts and log entries of a version-2 database on first open; the shared caseless draft is dropped', async () => {
    const v2 = await openDB(db.name, 2, {
      upgrade(db) {
        db.createObjectStore('drafts', { keyPath: 'caseId' });
        const sent = db.createObjectStore('sent', { keyPath: 'id' });
        sent.createIndex('caseId', 'caseId');
        sent.createIndex('sentAt', 'sentAt');
      },
    });
    const now = Date.now();
    await v2.put('drafts', {
      caseId: 'C-7',
      draft: { recap: { summary: SECRET }, nextSteps: 'CVV 123, card 4111.1111.1111.1111' },
      redactions: [],
      savedAt: now,
    });
    await v2.put('drafts', {
      caseId: '',
      draft: { recap: { summary: 'whoever was here before' } },
      redactions: [],
      savedAt: now,
    });
    await v2.put('sent', {
      id: 'h-1',
      caseId: 'C-7',
      endpoint: 'https://x.example/h',
      receiver: 'Dana Zebra-Quartz',
      sentAt: now,
      state: 'queued',
    });
    v2.close();

    const store = new DraftStore(db.name);
    const restored = await store.load('C-7');
    expect(restored?.draft.recap?.summary).to.equal(SECRET);
    // Masked again on the way: the older masking knew neither dotted card numbers nor security codes.
    expect(restored?.draft.nextSteps).to.equal('CVV •••, card ••••.••••.••••.1111');
    expect(await store.load('')).to.equal(undefined);
    const entries = await new SentLog(db.name).forCase('C-7');
    expect(entries.map((e) => e.receiver)).to.deep.equal(['Dana Zebra-Quartz']);
    const raw = await rawText(db.name);
    expect(raw).not.to.contain('Zebra-Quartz');
    expect(raw).not.to.contain('whoever was here');
    expect(raw).not.to.contain('C-7');
  });

  it('the sent log keeps who it went to and their answer sealed, and updates them', async () => {
    const log = new SentLog(db.name);
    await log.add({
      id: 'h-2',
      caseId: 'C-8',
      endpoint: 'https://x.example/h',
      receiver: 'Dana Zebra-Quartz',
      sentAt: Date.now(),
      state: 'queued',
    });
    await log.update('h-2', {
      state: 'delivered',
      ack: { name: 'Dana Zebra-Quartz', accepted: false, at: '2026-12-02T09:00:00Z', declineReason: 'Not mine' },
    });
    const [entry] = await log.forCase('C-8');
    expect(entry).to.include({ id: 'h-2', caseId: 'C-8', state: 'delivered', receiver: 'Dana Zebra-Quartz' });
    expect(entry!.ack).to.deep.equal({
      name: 'Dana Zebra-Quartz',
      accepted: false,
      at: '2026-12-02T09:00:00Z',
      declineReason: 'Not mine',
    });
    const raw = await rawText(db.name);
    expect(raw).not.to.contain('Zebra-Quartz');
    expect(raw).not.to.contain('Not mine');
  });
});

describe('drafts at rest: property', () => {
  const db = useDraftsDB();
  it('whatever card number is typed anywhere in a draft, neither the stored draft nor IndexedDB holds it', async function () {
    this.timeout(120_000);
    const store = new DraftStore(db.name);
    await fc.assert(
      fc.asyncProperty(textWithCard, async ({ pan, text }) => {
        await store.save('C-P', {
          customer: { name: text.slice(0, 200) },
          recap: { tried: text.split('\n') },
          nextSteps: text,
        });
        const saved = await store.load('C-P');
        expect(readable(JSON.stringify(saved), pan)).to.equal(false);
        expect(digitsOf(await rawText(db.name))).not.to.contain(pan.slice(0, -4));
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });
});
