/**
 * Keeps the launcher's popover beside its button with @floating-ui/dom: flipped to the other side when
 * there is more room there, shifted into the viewport, sized to the room left, and following the button
 * through scrolling parents (shadow roots included), resizes and layout shifts. The popover is in the
 * top layer with `position: fixed`, which floating-ui's `fixed` strategy measures against the viewport.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type Placement } from '@floating-ui/dom';

/** Gap between the button and the popover, and the popover's least distance from the viewport's edges. */
const GAP = 8;
const PADDING = 8;

export interface Anchored {
  /** Resolves once the popover has been placed for the first time. */
  placed: Promise<void>;
  /** Stops following the button. */
  stop(): void;
}

export function anchorPopover(button: HTMLElement, popover: HTMLElement, placement: Placement): Anchored {
  let first: () => void;
  const placed = new Promise<void>((resolve) => (first = resolve));
  const update = async (): Promise<void> => {
    const { x, y } = await computePosition(button, popover, {
      placement,
      strategy: 'fixed',
      middleware: [
        offset(GAP),
        flip({ padding: PADDING, fallbackStrategy: 'initialPlacement' }),
        shift({ padding: PADDING }),
        size({
          padding: PADDING,
          apply({ availableWidth, availableHeight }) {
            Object.assign(popover.style, {
              maxWidth: `${Math.max(240, availableWidth)}px`,
              maxHeight: `${Math.max(200, availableHeight)}px`,
            });
          },
        }),
      ],
    });
    Object.assign(popover.style, { left: `${x}px`, top: `${y}px` });
    first();
  };
  const stop = autoUpdate(button, popover, () => void update());
  return { placed, stop };
}
