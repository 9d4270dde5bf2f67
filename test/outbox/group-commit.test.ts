import { expect } from '@open-wc/testing';
import { GroupCommit } from '../../src/outbox/group-commit.js';

// The outbox's grouping of state writes, with a commit we control: each batch waits until released.
describe('GroupCommit', () => {
  function recorder(fail?: (batch: string[]) => boolean) {
    const batches: string[][] = [];
    const releases: (() => void)[] = [];
    const commits = new GroupCommit<{ id: string; v: string }>(
      (r) => r.id,
      (batch) => {
        const values = batch.map((r) => `${r.id}=${r.v}`);
        batches.push(values);
        return new Promise<void>((resolve, reject) =>
          releases.push(() => (fail?.(values) ? reject(new Error(`failed ${values}`)) : resolve())),
        );
      },
    );
    const releaseNext = async () => {
      await new Promise((r) => setTimeout(r, 0));
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    };
    return { batches, commits, releaseNext };
  }

  it('commits an idle write at once, and groups the writes made meanwhile into the next batch', async () => {
    const { batches, commits, releaseNext } = recorder();
    const first = commits.write({ id: 'a', v: '1' });
    await new Promise((r) => setTimeout(r, 0));
    expect(batches).to.deep.equal([['a=1']]);
    const grouped = [
      commits.write({ id: 'b', v: '1' }),
      commits.write({ id: 'c', v: '1' }),
      commits.write({ id: 'b', v: '2' }),
    ];
    await releaseNext();
    await first;
    expect(batches).to.deep.equal([['a=1'], ['b=2', 'c=1']]); // b's later write replaced its earlier one
    await releaseNext();
    await Promise.all(grouped);
    expect(batches).to.have.length(2);
  });

  it('keeps the order of writes to the same key across batches', async () => {
    const { batches, commits, releaseNext } = recorder();
    const writes = [commits.write({ id: 'x', v: 'sending' })];
    await new Promise((r) => setTimeout(r, 0));
    writes.push(commits.write({ id: 'x', v: 'delivered' }));
    await releaseNext();
    await releaseNext();
    await Promise.all(writes);
    expect(batches).to.deep.equal([['x=sending'], ['x=delivered']]);
  });

  it('rejects every write of a failed batch, and goes on with the next one', async () => {
    const { commits, releaseNext } = recorder((batch) => batch.includes('b=1'));
    const a = commits.write({ id: 'a', v: '1' });
    await new Promise((r) => setTimeout(r, 0));
    const settled = Promise.allSettled([commits.write({ id: 'b', v: '1' }), commits.write({ id: 'c', v: '1' })]);
    await releaseNext();
    await a;
    await releaseNext();
    const results = await settled;
    expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
    const d = commits.write({ id: 'd', v: '1' });
    await releaseNext();
    await d;
  });
});
