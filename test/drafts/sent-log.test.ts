// The panel's log of handoffs sent from each case: newest first, dismissed ones hidden, and kept small —
// a case's newest 20, nothing older than 30 days — however many an agent sends.
import { expect } from '@open-wc/testing';
import { useDraftsDB } from './helpers.js';
import { KEEP_PER_CASE, SentLog, type SentEntry } from '../../src/drafts/sent-log.js';

const DAY = 86_400_000;
const entry = (id: string, caseId: string, sentAt: number): SentEntry => ({
  id,
  caseId,
  endpoint: 'https://x.example/h',
  receiver: 'Network',
  sentAt,
  state: 'queued',
});

describe('SentLog', () => {
  const db = useDraftsDB();

  it('lists a case’s entries newest first, without dismissed ones', async () => {
    const log = new SentLog(db.name);
    const now = Date.now();
    await log.add(entry('a', 'C-1', now - 3000));
    await log.add(entry('b', 'C-1', now - 2000));
    await log.add(entry('c', 'C-2', now - 1000));
    await log.update('a', { dismissed: true });
    expect((await log.forCase('C-1', now)).map((e) => e.id)).to.deep.equal(['b']);
    expect((await log.forCase('C-2', now)).map((e) => e.id)).to.deep.equal(['c']);
  });

  it('keeps a case’s newest 20 and drops anything older than 30 days', async () => {
    const log = new SentLog(db.name);
    const now = Date.now();
    for (let i = 0; i < 25; i++) await log.add(entry(`e${String(i).padStart(2, '0')}`, 'C-1', now - 25_000 + i * 1000));
    await log.add(entry('old', 'C-9', now - 31 * DAY));
    const listed = await log.forCase('C-1', now);
    expect(listed).to.have.length(KEEP_PER_CASE);
    expect(listed[0]!.id).to.equal('e24');
    expect(listed.at(-1)!.id).to.equal('e05');
    expect(await log.forCase('C-9', now)).to.deep.equal([]);
    // Dropped for good, not just hidden.
    expect(await log.forCase('C-1', now)).to.have.length(KEEP_PER_CASE);
  });
});
