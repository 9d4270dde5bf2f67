import { expect } from '@open-wc/testing';
import {
  compileScriptTemplates,
  parseTemplate,
  renderTemplate,
  suggestScripts,
  TemplateSyntaxError,
  REASON_CODES,
  type HandoffDraft,
} from '../../src/payload/index.js';
import { FULL_DRAFT } from '../fixtures/handoffs.js';

describe('renderTemplate', () => {
  it('fills named slots as plain text', () => {
    expect(
      renderTemplate('Hi {customerName}, meet {receiverName}.', { customerName: 'Amara', receiverName: '<b>Dana</b>' }),
    ).to.equal('Hi Amara, meet <b>Dana</b>.');
  });

  it('drops an optional section whose slot is missing, and tidies the sentence', () => {
    const t = '[{customerName}, ]I am transferring you to {receiverName}[ in {receiverTeam}].';
    expect(renderTemplate(t, { customerName: 'Amara', receiverName: 'Dana', receiverTeam: 'Billing' })).to.equal(
      'Amara, I am transferring you to Dana in Billing.',
    );
    expect(renderTemplate(t, { receiverName: 'Dana' })).to.equal('I am transferring you to Dana.');
  });

  it('uses the fallback phrase for a missing slot outside a section', () => {
    expect(renderTemplate('Meet {receiverName}.', {}, { receiverName: 'a colleague' })).to.equal('Meet a colleague.');
  });

  it('degrades a slot with neither value nor fallback to nothing, never to "undefined"', () => {
    expect(renderTemplate('Meet {receiverName} , please.', { receiverName: '  ' })).to.equal('Meet, please.');
  });

  it('capitalises a sentence whose opening section was dropped', () => {
    expect(renderTemplate('[{customerName}, ]my shift is ending.', {})).to.equal('My shift is ending.');
  });

  it('does not double a full stop after a value that ends a sentence, but keeps an ellipsis', () => {
    expect(renderTemplate('Because {reason}.', { reason: 'it broke.' })).to.equal('Because it broke.');
    expect(renderTemplate('Wait... because {reason}!', { reason: 'why' })).to.equal('Wait... because why!');
  });

  it('keeps escaped braces and brackets literally', () => {
    expect(renderTemplate('{{not a slot}} [[note]] {x}', { x: 1 })).to.equal('{not a slot} [note] 1');
  });

  it('reports every syntax error with its position', () => {
    const cases: [string, RegExp][] = [
      ['Hello {receiverName', /"\{" is never closed.*character 7/],
      ['Hello receiverName}', /"\}" has no matching "\{".*character 19/],
      ['Hello [{customerName}', /"\[" is never closed.*character 7/],
      ['Hello ]', /"\]" has no matching "\[".*character 7/],
      ['Hello {}', /"\{\}" is not a valid slot name/],
      ['Hello {first name}', /"\{first name\}" is not a valid slot name/],
      ['Hello {a {b}', /"\{" is never closed.*character 7/],
    ];
    for (const [template, message] of cases) {
      let caught: unknown;
      try {
        parseTemplate(template);
      } catch (error) {
        caught = error;
      }
      expect(caught, template).to.be.instanceOf(TemplateSyntaxError);
      expect((caught as Error).message, template).to.match(message);
    }
    try {
      parseTemplate('{a [b', {}, 'greeting');
      expect.fail('should throw');
    } catch (error) {
      expect((error as TemplateSyntaxError).problems).to.have.length(2);
      expect((error as Error).message).to.match(/^Template "greeting" has 2 errors:/);
    }
  });

  it('rejects unknown slots when the allowed slots are given (typos)', () => {
    expect(() => parseTemplate('Meet {recieverName}', { allowedSlots: ['receiverName'] })).to.throw(
      TemplateSyntaxError,
      /unknown slot "\{recieverName\}"; known slots are \{receiverName\}/,
    );
  });
});

describe('script templates', () => {
  it('suggests a managing-up script for each reason code, naming the receiver and expertise', () => {
    for (const code of REASON_CODES) {
      const s = suggestScripts({ ...FULL_DRAFT, reason: { code, detail: 'x' } });
      expect(s.managingUp, code).to.contain('Dana Whitfield');
      expect(s.managingUp, code).to.match(/^Amara Okafor, /);
      expect(s.managingUp, code).not.to.match(/[{}[\]]|undefined| {2}/);
    }
    expect(suggestScripts(FULL_DRAFT).managingUp).to.equal(
      "Amara Okafor, I'm bringing in Dana Whitfield from Billing supervisors, who has the authority to put this right and a lot of experience with disputed charges and refunds. You're in very good hands.",
    );
  });

  it('reads well with nothing but a reason code', () => {
    const s = suggestScripts({ reason: { code: 'specialist' } });
    expect(s.managingUp).to.equal(
      "A colleague is our specialist and has solved problems like this many times. They'll take good care of you.",
    );
    expect(s.informCustomer).to.equal(
      "I'm going to transfer you to a colleague. I'll stay on the line to introduce you and explain everything we've covered.",
    );
    expect(s.apology).to.equal(
      "I'm sorry to have to pass you on. I know being transferred is frustrating, and I want to make sure you get the right help.",
    );
  });

  it('tells the customer to whom, why, and the fallback number, per mode', () => {
    const draft: HandoffDraft = { ...FULL_DRAFT, mode: 'blind' };
    expect(suggestScripts(draft).informCustomer).to.equal(
      "Amara Okafor, I'm going to transfer you to Dana Whitfield in Billing supervisors because a refund above $500 needs supervisor approval; I cannot approve it. I've written down everything we've covered, so you won't need to repeat it. If we get cut off, you can reach them on +44 20 7946 0100.",
    );
    expect(suggestScripts(FULL_DRAFT).informCustomer).to.contain("I'll stay on the line to introduce you");
  });

  it('quotes the reason mid-sentence: an ordinary first word loses its capital, names and acronyms keep it', () => {
    const inform = (detail: string) =>
      suggestScripts({ ...FULL_DRAFT, reason: { code: 'escalation', detail } }).informCustomer;
    expect(inform('Refunds over $500 need a supervisor.')).to.contain('because refunds over $500 need a supervisor. ');
    expect(inform('VAT refunds go to finance')).to.contain('because VAT refunds go to finance.');
    expect(inform('Dana approves these')).to.contain('because Dana approves these.');
  });

  it('takes configured and localised templates, checked up front', () => {
    const es = compileScriptTemplates({
      managingUp: { escalation: '{receiverName}[ de {receiverTeam}] puede resolverlo[, {customerName}].' },
      apology: 'Lamento tener que transferirle[, {customerName}].',
      fallbacks: { receiverName: 'un compañero' },
    });
    const s = suggestScripts(FULL_DRAFT, es);
    expect(s.managingUp).to.equal('Dana Whitfield de Billing supervisors puede resolverlo, Amara Okafor.');
    expect(s.apology).to.equal('Lamento tener que transferirle, Amara Okafor.');
    expect(suggestScripts({ reason: { code: 'escalation' } }, es).managingUp).to.equal(
      'Un compañero puede resolverlo.',
    );
  });

  it('names the broken template when a configured one has a syntax error', () => {
    expect(() => compileScriptTemplates({ managingUp: { specialist: 'Meet {receiverName' } })).to.throw(
      TemplateSyntaxError,
      /Template "managingUp.specialist" has an error/,
    );
    expect(() => compileScriptTemplates({ apology: 'Sorry {custName}' })).to.throw(/unknown slot "\{custName\}"/);
  });
});
