// Fewer steps on a live call: the suggested "why I can't resolve it" per reason, the first action's row
// ready before "Add action", and the optional fields folded with a count of what is in them.
import { expect } from '@open-wc/testing';
import type { HandoffV1 } from '../../src/payload/index.js';
import type { HandoffPanel } from '../../src/ui/handoff-panel/handoff-panel.js';
import { es } from '../../src/locales/es.js';
import { control, errorText, expectAccessible, fillValid, nextEvent, root, typeInto, usePanels } from './helpers.js';

const HOST = { 'case-id': 'C-20117', 'agent-id': 'agent-17', 'agent-name': 'Sam Lee', 'customer-name': 'Amara Okafor' };
const WHY = "Why I can't resolve it";
const ESCALATION = 'This needs approval above my limit, so a supervisor has to decide.';

const folds = (panel: HandoffPanel) => [...root(panel).querySelectorAll<HTMLDetailsElement>('details[part="fold"]')];
const summaryText = (fold: HTMLDetailsElement) =>
  fold.querySelector('summary')!.textContent!.replace(/\s+/g, ' ').trim();

describe('<handoff-panel>: fewer steps', () => {
  const mount = usePanels(HOST);
  const send = async (panel: HandoffPanel) => {
    const queued = nextEvent<CustomEvent<{ payload: HandoffV1 }>>(panel, 'handoff-queued');
    root(panel).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
    return (await queued).detail.payload;
  };

  describe('the suggested reason line', () => {
    it('comes with the reason, selected on focus so that typing replaces it, and is sent if kept', async () => {
      const panel = await mount();
      typeInto(panel, 'Reason', 'escalation');
      await panel.updateComplete;
      const why = control(panel, WHY) as HTMLTextAreaElement;
      expect(why.value).to.equal(ESCALATION);
      why.focus();
      expect([why.selectionStart, why.selectionEnd]).to.deep.equal([0, ESCALATION.length]);
      fillValid(panel);
      typeInto(panel, WHY, ESCALATION);
      await panel.updateComplete;
      expect((await send(panel)).reason.detail).to.equal(ESCALATION);
    });

    it('follows the reason while untouched, never over what the agent wrote; "other" has none', async () => {
      const panel = await mount();
      typeInto(panel, 'Reason', 'escalation');
      typeInto(panel, 'Reason', 'specialist');
      await panel.updateComplete;
      expect(control(panel, WHY).value).to.equal('This needs a specialist’s knowledge that I do not have.');
      typeInto(panel, 'Reason', 'other');
      await panel.updateComplete;
      expect(control(panel, WHY).value).to.equal('');
      typeInto(panel, WHY, 'Router firmware is outside tier 1.');
      typeInto(panel, 'Reason', 'escalation');
      await panel.updateComplete;
      expect(control(panel, WHY).value).to.equal('Router firmware is outside tier 1.');
      expect(control(panel, WHY).dataset.suggested).to.equal(undefined);
    });

    it('is localised (Spanish), and an integrator turns one off with an empty line', async () => {
      const panel = await mount({ messages: es });
      typeInto(panel, 'Motivo', 'shift-change');
      await panel.updateComplete;
      expect(control(panel, 'Por qué no puedo resolverlo').value).to.equal(
        'Mi turno termina antes de que esto pueda resolverse.',
      );
      const bare = await mount({ messages: { ui: { reasonSuggestions: { escalation: '' } } } });
      typeInto(bare, 'Reason', 'escalation');
      await bare.updateComplete;
      expect(control(bare, WHY).value).to.equal('');
    });
  });

  describe('the first action', () => {
    it('has its row before "Add action"; typing in it makes the action, an untouched row is not sent', async () => {
      const panel = await mount();
      expect(control(panel, 'Action 1')).to.not.equal(undefined);
      expect((control(panel, 'Owner of action 1') as HTMLSelectElement).value).to.equal('receiver');
      expect(root(panel).querySelector('.action button')).to.equal(null);
      expect(panel.value.actions).to.deep.equal([]);
      fillValid(panel);
      await panel.updateComplete;
      expect((await send(panel)).actions).to.deep.equal([]);
      typeInto(panel, 'Action 1', 'Approve the refund');
      await panel.updateComplete;
      expect(panel.value.actions).to.deep.equal([{ text: 'Approve the refund', owner: 'receiver' }]);
      expect(root(panel).querySelector('.action button')!.textContent).to.contain('Remove');
      fillValid(panel);
      await panel.updateComplete;
      expect((await send(panel)).actions).to.deep.equal([{ text: 'Approve the refund', owner: 'receiver' }]);
    });

    it('a letter typed in the row and deleted again leaves no action to block sending', async () => {
      const panel = await mount();
      typeInto(panel, 'Action 1', 'x');
      typeInto(panel, 'Action 1', '');
      fillValid(panel);
      await panel.updateComplete;
      expect((await send(panel)).actions).to.deep.equal([]);
    });

    it('a due time typed first makes the action too, which then needs its text', async () => {
      const panel = await mount();
      typeInto(panel, 'Due time of action 1', '2026-12-03T17:00');
      fillValid(panel);
      await panel.updateComplete;
      const invalid = nextEvent<CustomEvent>(panel, 'handoff-invalid');
      root(panel).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
      await invalid;
      await panel.updateComplete;
      expect(errorText(panel, control(panel, 'Action 1'))).to.contain('Action 1');
    });
  });

  describe('folded optional fields', () => {
    it('start folded, say how many of their fields are filled, and open with their summary', async () => {
      const panel = await mount();
      expect(folds(panel).map((f) => [summaryText(f), f.open])).to.deep.equal([
        ['Next steps and follow-up', false],
        ['Your callback number and a note', false],
      ]);
      panel.prefill({ nextSteps: 'Call her back Friday', from: { callback: '+44 20 7946 0000' } });
      await panel.updateComplete;
      expect(folds(panel).map(summaryText)).to.deep.equal([
        'Next steps and follow-up (1 filled)',
        'Your callback number and a note (1 filled)',
      ]);
      folds(panel)[0]!.querySelector('summary')!.click();
      await panel.updateComplete;
      expect(folds(panel)[0]!.open).to.equal(true);
      typeInto(panel, 'Follow-up note', 'Ask about the rent');
      await panel.updateComplete;
      expect(folds(panel)[0]!.open).to.equal(true);
      expect(summaryText(folds(panel)[0]!)).to.equal('Next steps and follow-up (2 filled)');
      await expectAccessible(panel);
    });

    it('opens on an error inside and puts the focus there', async () => {
      const panel = await mount();
      panel.prefill({ followUp: { by: 'receiver' } });
      fillValid(panel);
      await panel.updateComplete;
      const invalid = nextEvent(panel, 'handoff-invalid');
      root(panel).querySelector<HTMLButtonElement>('[part="send-button"]')!.click();
      await invalid;
      await panel.updateComplete;
      expect(folds(panel)[0]!.open).to.equal(true);
      expect(root(panel).activeElement).to.equal(control(panel, 'Follow-up time'));
    });
  });
});
