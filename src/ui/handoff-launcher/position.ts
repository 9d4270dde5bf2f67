/**
 * Where the launcher's popover goes. The popover is a modal `<dialog>` in the top layer with
 * `position: fixed`, so its containing block is always the viewport: no clipping or transformed
 * ancestor can get in the way, and placing it is viewport arithmetic on two rectangles. (This replaced
 * @floating-ui/dom, whose offset-parent and clipping-ancestor logic does not apply to the top layer;
 * see the README, "Why no floating-ui".)
 */

export type Side = 'top' | 'bottom' | 'left' | 'right';
import { reportProblem } from '../shared/report.js';

/** A side of the button, optionally aligned to its start or end edge (as in floating-ui). */
export type Placement = Side | `${Side}-start` | `${Side}-end`;

const PLACEMENT = /^(top|bottom|left|right)(-(start|end))?$/;

/** `placement` when it is one, else `fallback` after saying on the console what to fix. */
export function checkedPlacement(placement: string, fallback: Placement): Placement {
  if (PLACEMENT.test(placement)) return placement as Placement;
  reportProblem(
    'placement',
    '<handoff-launcher>',
    `placement="${placement}" is not one of top, bottom, left, right, optionally with -start or -end (e.g. bottom-end); ${fallback} is used.`,
  );
  return fallback;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlaceOptions {
  /** Gap between the button and the popover. */
  gap?: number;
  /** Minimum distance from the viewport's edges. */
  padding?: number;
  /** Right-to-left: `start` and `end` swap for top and bottom placements. */
  rtl?: boolean;
}

const opposite: Record<Side, Side> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

/** Space between the anchor and the viewport edge on each side, less the gap and padding. */
function spaceAround(anchor: Box, viewport: Box, gap: number, padding: number): Record<Side, number> {
  return {
    top: anchor.y - viewport.y - gap - padding,
    bottom: viewport.y + viewport.height - (anchor.y + anchor.height) - gap - padding,
    left: anchor.x - viewport.x - gap - padding,
    right: viewport.x + viewport.width - (anchor.x + anchor.width) - gap - padding,
  };
}

/**
 * The side to use: the preferred one when the popover fits there, else the opposite one when it fits
 * better there (flip).
 */
export function chooseSide(
  placement: Placement,
  anchor: Box,
  floating: Pick<Box, 'width' | 'height'>,
  viewport: Box,
  options: PlaceOptions = {},
): Side {
  const { gap = 8, padding = 8 } = options;
  const side = placement.split('-')[0] as Side;
  const space = spaceAround(anchor, viewport, gap, padding);
  const needed = side === 'top' || side === 'bottom' ? floating.height : floating.width;
  return space[side] < needed && space[opposite[side]] > space[side] ? opposite[side] : side;
}

/** The room on `side` for the popover, for its max-width / max-height. */
export function roomOn(
  side: Side,
  anchor: Box,
  viewport: Box,
  options: PlaceOptions = {},
): { width: number; height: number } {
  const { gap = 8, padding = 8 } = options;
  const space = spaceAround(anchor, viewport, gap, padding);
  const vertical = side === 'top' || side === 'bottom';
  return {
    width: vertical ? viewport.width - 2 * padding : space[side],
    height: vertical ? space[side] : viewport.height - 2 * padding,
  };
}

/**
 * The popover's top-left corner beside `anchor` on `side`, aligned as `placement` asks, then clamped
 * into the viewport (shift), so it never leaves the screen even when it is larger than the room.
 */
export function placeOn(
  side: Side,
  placement: Placement,
  anchor: Box,
  floating: Pick<Box, 'width' | 'height'>,
  viewport: Box,
  options: PlaceOptions = {},
): { x: number; y: number } {
  const { gap = 8, padding = 8, rtl = false } = options;
  const vertical = side === 'top' || side === 'bottom';
  let align = placement.split('-')[1] as 'start' | 'end' | undefined;
  if (rtl && vertical && align) align = align === 'start' ? 'end' : 'start';
  const along = (start: number, size: number, own: number): number =>
    align === 'start' ? start : align === 'end' ? start + size - own : start + (size - own) / 2;
  const x = vertical
    ? along(anchor.x, anchor.width, floating.width)
    : side === 'left'
      ? anchor.x - gap - floating.width
      : anchor.x + anchor.width + gap;
  const y = vertical
    ? side === 'top'
      ? anchor.y - gap - floating.height
      : anchor.y + anchor.height + gap
    : along(anchor.y, anchor.height, floating.height);
  const clamp = (value: number, min: number, size: number, own: number): number =>
    Math.max(min + padding, Math.min(value, min + size - padding - own));
  return {
    x: clamp(x, viewport.x, viewport.width, floating.width),
    y: clamp(y, viewport.y, viewport.height, floating.height),
  };
}
