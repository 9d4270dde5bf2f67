import { expect } from '@open-wc/testing';
import { checkedPlacement, chooseSide, placeOn, roomOn, type Box } from '../../src/ui/handoff-launcher/position.js';

// The launcher's geometry, without a DOM: a 1000×800 viewport and a 100×30 button.
describe('launcher popover placement', () => {
  const viewport: Box = { x: 0, y: 0, width: 1000, height: 800 };
  const button = (x: number, y: number): Box => ({ x, y, width: 100, height: 30 });
  const popover = { width: 400, height: 300 };

  it("puts it below the button, its end edge on the button's end edge, 8 px away", () => {
    const anchor = button(500, 100);
    expect(chooseSide('bottom-end', anchor, popover, viewport)).to.equal('bottom');
    expect(placeOn('bottom', 'bottom-end', anchor, popover, viewport)).to.deep.equal({ x: 200, y: 138 });
    expect(placeOn('bottom', 'bottom-start', anchor, popover, viewport)).to.deep.equal({ x: 500, y: 138 });
    expect(placeOn('bottom', 'bottom', anchor, popover, viewport)).to.deep.equal({ x: 350, y: 138 });
  });

  it('flips above when there is no room below and more above', () => {
    const anchor = button(500, 700);
    expect(chooseSide('bottom-end', anchor, popover, viewport)).to.equal('top');
    expect(placeOn('top', 'bottom-end', anchor, popover, viewport)).to.deep.equal({ x: 200, y: 392 });
  });

  it('keeps the preferred side when the other has even less room, and sizes it to the room left', () => {
    const tall = { width: 400, height: 900 };
    const anchor = button(500, 300);
    expect(chooseSide('bottom', anchor, tall, viewport)).to.equal('bottom');
    expect(roomOn('bottom', anchor, viewport)).to.deep.equal({ width: 984, height: 454 });
    expect(roomOn('top', anchor, viewport)).to.deep.equal({ width: 984, height: 284 });
    expect(roomOn('right', anchor, viewport)).to.deep.equal({ width: 384, height: 784 });
  });

  it('shifts it into the viewport, 8 px from the edges, when the button is near one', () => {
    expect(placeOn('bottom', 'bottom-end', button(0, 100), popover, viewport).x).to.equal(8);
    expect(placeOn('bottom', 'bottom-start', button(900, 100), popover, viewport).x).to.equal(592);
    // Larger than the viewport: pinned to the top-left padding rather than pushed off-screen.
    expect(placeOn('bottom', 'bottom', button(500, 100), { width: 1200, height: 900 }, viewport)).to.deep.equal({
      x: 8,
      y: 8,
    });
  });

  it('places it left or right, aligned on the vertical axis', () => {
    const anchor = button(500, 300);
    const narrow = { width: 300, height: 300 };
    expect(placeOn('right', 'right-start', anchor, narrow, viewport)).to.deep.equal({ x: 608, y: 300 });
    expect(placeOn('left', 'left-end', anchor, narrow, viewport)).to.deep.equal({ x: 192, y: 30 });
    expect(chooseSide('right', button(800, 300), popover, viewport)).to.equal('left');
  });

  it('swaps start and end in right-to-left pages', () => {
    expect(placeOn('bottom', 'bottom-end', button(500, 100), popover, viewport, { rtl: true }).x).to.equal(500);
  });

  it('rejects an unknown placement with what to write instead, using the fallback', () => {
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(...args);
    try {
      expect(checkedPlacement('top-start', 'bottom-end')).to.equal('top-start');
      expect(checkedPlacement('below', 'bottom-end')).to.equal('bottom-end');
    } finally {
      console.error = original;
    }
    expect(logged).to.have.length(1);
    expect(String(logged[0])).to.contain('placement="below" is not one of top, bottom, left, right');
  });
});
