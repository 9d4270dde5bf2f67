// The read-back check against a corpus of real-looking read-backs of the six demo scenarios: good
// ones, paraphrases, ones that miss exactly one fact, ones that get a fact wrong, in English and Spanish.
import { expect } from '@open-wc/testing';
import { buildHandoff, type HandoffDraft, type HandoffV1, type ReadBackFactKind } from '../../src/payload/index.js';
import { checkReadBack } from '../../src/read-back/index.js';

/** Every scenario's handoff is created on Tuesday 24 November 2026, 10:00 in London. */
const CREATED = '2026-11-24T10:00:00Z';

/** Spanish versions of three handoffs: the free text in Spanish, the rest as it is. */
const SPANISH: Record<string, HandoffDraft> = {
  '01-hardware-specialist': {
    recap: {
      summary: 'Jordan trae tornillos de un subsuelo viejo; las vigas están a 16 pulgadas; necesita unos 300.',
      expectation: 'Irse hoy con los tornillos adecuados',
    },
    contingency: { note: 'Si Ines está con otro cliente, me quedo con Jordan y aviso al mostrador Pro.' },
  },
  '02-billing-escalation': {
    recap: {
      summary:
        'Le cobraron dos veces (325 £ cada vez) el plan anual esta mañana; quiere el reembolso antes del alquiler.',
      expectation: 'Reembolso del cargo duplicado antes del viernes',
    },
  },
  '06-third-transfer': {
    recap: {
      summary: 'Ventas prometió por escrito anular la penalización de 80 £; es la tercera transferencia de Ray hoy.',
      expectation: 'Cargo anulado hoy, confirmado por escrito',
    },
  },
};

const merge = (a: unknown, b: unknown): unknown =>
  b && typeof b === 'object' && !Array.isArray(b)
    ? Object.fromEntries(
        [...new Set([...Object.keys(a as object), ...Object.keys(b)])].map((k) => [
          k,
          merge((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
        ]),
      )
    : (b ?? a);

async function handoffOf(scenario: string, spanish = false): Promise<HandoffV1> {
  const file = await (await fetch(`/demo/scenarios/${scenario}.json`)).json();
  const draft = (spanish ? merge(file.model, SPANISH[scenario]) : file.model) as HandoffDraft;
  const result = buildHandoff(draft, { now: () => new Date(CREATED) });
  if (!result.ok) throw new Error(`${scenario}: ${JSON.stringify(result.errors)}`);
  return result.payload;
}

interface Case {
  scenario: string;
  /** Read against the Spanish version of the handoff. */
  spanish?: boolean;
  readBack: string;
  /** The kinds of the facts the check must report missing (a deadline once for each action). */
  missing: ReadBackFactKind[];
  why: string;
  timeZone?: string;
}

const S01 = '01-hardware-specialist';
const S02 = '02-billing-escalation';
const S03 = '03-shift-change';
const S04 = '04-phone-no-pickup';
const S05 = '05-misrouted-email';
const S06 = '06-third-transfer';

const CORPUS: Case[] = [
  // 01: in person, unverified; no deadline or amount; the fallback is a note.
  {
    scenario: S01,
    why: 'good',
    readBack:
      'Jordan needs about 300 screws for a sub-floor on 16-inch joists and wants to leave today with the right ones. Not verified, nothing needed for that. If I am tied up, Chris stays with him and pages the Pro desk.',
    missing: [],
  },
  {
    scenario: S01,
    why: 'paraphrase',
    readBack:
      'Sub-floor job, joists at 16". He must go home today with the right screws. Customer not identified; no account. Fallback: Chris stays and pages the Pro desk.',
    missing: [],
  },
  {
    scenario: S01,
    why: 'misses the expectation',
    readBack:
      'Jordan needs about 300 screws for a sub-floor on 16-inch joists. Not verified. If I am tied up, Chris stays with him and pages the Pro desk.',
    missing: ['expectation'],
  },
  {
    scenario: S01,
    why: 'misses the verification',
    readBack:
      'Jordan wants to leave today with the right screws for his sub-floor. If I am tied up, Chris stays with him and pages the Pro desk.',
    missing: ['verification'],
  },
  {
    scenario: S01,
    why: 'misses the fallback',
    readBack: 'Jordan wants to leave today with the right screws for his sub-floor. He is not verified.',
    missing: ['fallback'],
  },
  {
    scenario: S01,
    spanish: true,
    why: 'good, in Spanish',
    readBack:
      'Jordan necesita unos 300 tornillos y quiere llevarse hoy los tornillos correctos. No está verificado. Si estoy ocupada, Chris se queda con él y avisa al mostrador Pro.',
    missing: [],
  },

  // 02: the deadline (Thursday 26 November 17:00), £325, verified, callback.
  {
    scenario: S02,
    why: 'good',
    readBack:
      "Amara was charged £325 twice; I approve and refund the duplicate by Thursday 17:00 so it lands before Friday's rent. Already verified by security questions, no need to re-verify. If I can't reach her I'll call her back.",
    missing: [],
  },
  {
    scenario: S02,
    why: 'paraphrase: quid, 5pm, a date, "don’t ask again"',
    readBack:
      'Double charge of 325 quid on the annual plan. Refund of the duplicate signed off by 5pm on 26 Nov, ahead of her Friday rent. She passed security, do not ask her again. Fallback is a callback.',
    missing: [],
  },
  {
    scenario: S02,
    why: 'misses the deadline (names another day)',
    readBack:
      "Amara was charged £325 twice; I refund the duplicate before Friday's rent. Already verified, no need to re-verify. If I can't reach her I'll call her back.",
    missing: ['deadline'],
  },
  {
    scenario: S02,
    why: 'misses the amount',
    readBack:
      "Amara was charged twice; I approve the duplicate refund by Thursday 17:00, before Friday's rent. Already verified. If I can't reach her I'll call her back.",
    missing: ['amount'],
  },
  {
    scenario: S02,
    why: 'misses the expectation',
    readBack:
      "I approve the £325 payment by Thursday 17:00. Already verified, don't re-verify. If I can't reach her I'll call her back.",
    missing: ['expectation'],
  },
  {
    scenario: S02,
    why: 'misses the verification',
    readBack:
      "Amara was charged £325 twice; I refund the duplicate by Thursday 17:00, before Friday. If I can't reach her I'll call her back.",
    missing: ['verification'],
  },
  {
    scenario: S02,
    why: 'misses the fallback',
    readBack:
      'Amara was charged £325 twice; I refund the duplicate by Thursday 17:00, before Friday. Already verified by security questions.',
    missing: ['fallback'],
  },
  {
    scenario: S02,
    why: 'gets the amount wrong (£352)',
    readBack:
      "Amara was charged £352 twice; I refund the duplicate by Thursday 17:00, before Friday. Already verified. If I can't, I call her back.",
    missing: ['amount'],
  },
  {
    scenario: S02,
    why: 'gets the currency wrong ($325)',
    readBack:
      "Amara was charged $325 twice; I refund the duplicate by Thursday 17:00, before Friday. Already verified. If I can't, I call her back.",
    missing: ['amount'],
  },
  {
    scenario: S02,
    why: 'gets the verification wrong (says not verified)',
    readBack:
      "Amara was charged £325 twice; I refund the duplicate by Thursday 17:00, before Friday. She is not verified yet. If I can't, I call her back.",
    missing: ['verification'],
  },
  {
    scenario: S02,
    why: 'in Spanish, of the English handoff: numbers, days and verification carry across',
    readBack:
      'Le cobraron dos veces 325 libras; apruebo el reembolso del duplicado antes del jueves a las 17:00, antes del viernes. Ya está verificada, no hay que volver a verificar. Si no puedo, la llamo de vuelta.',
    missing: [],
  },
  {
    scenario: S02,
    spanish: true,
    why: 'good, in Spanish',
    readBack:
      'Cargo duplicado de 325 £: apruebo el reembolso el jueves antes de las 5 de la tarde, antes del viernes. Verificada por preguntas de seguridad. Si no puedo, le devuelvo la llamada.',
    missing: [],
  },
  {
    scenario: S02,
    spanish: true,
    why: 'misses the deadline, in Spanish',
    readBack:
      'Cargo duplicado de 325 £: apruebo el reembolso antes del viernes. Verificada por preguntas de seguridad. Si no puedo, le devuelvo la llamada.',
    missing: ['deadline'],
  },
  {
    scenario: S02,
    spanish: true,
    why: 'misses the expectation, in Spanish',
    readBack: 'Apruebo el pago de 325 £ el jueves a las 17:00. Ya verificada. Si no puedo, la llamo de vuelta.',
    missing: ['expectation'],
  },

  // 03: two deadlines tomorrow (10:00 and 16:00), verified, back to the queue.
  {
    scenario: S03,
    why: 'good',
    readBack:
      "Priya's router is dead; the courier brings a replacement tomorrow between 12:00 and 16:00. I call her at 10:00 tomorrow to confirm the slot and check it was delivered by 4pm, so she has a working router tomorrow. Verified with a one-time code already. If evening support can't take it, it goes back in the queue.",
    missing: [],
  },
  {
    scenario: S03,
    why: 'paraphrase: Wednesday, dates, "requeue"',
    readBack:
      'Dead router. Call Priya Wed 25/11 at 10am re: courier slot, confirm delivery by 16:00 the same day; she wants the router working by then. OTP verified. Requeue if not picked up.',
    missing: [],
  },
  {
    scenario: S03,
    why: 'misses both deadlines',
    readBack:
      "Priya's router is dead; a replacement is on its way. I'll confirm the courier slot with her and check delivery so she has a working router. Verified already. If not, back to the queue.",
    missing: ['deadline', 'deadline'],
  },
  {
    scenario: S03,
    why: 'misses the expectation',
    readBack:
      'Call Priya at 10:00 tomorrow to confirm the courier slot and check by 16:00 that it arrived. Verified by one-time code. If not, back to the queue.',
    missing: ['expectation'],
  },
  {
    scenario: S03,
    why: 'misses the verification',
    readBack:
      'Call Priya at 10:00 tomorrow about the courier and check by 16:00, so her router is working tomorrow. If not, back to the queue.',
    missing: ['verification'],
  },
  {
    scenario: S03,
    why: 'misses the fallback',
    readBack:
      'Call Priya at 10:00 tomorrow about the courier and check by 16:00, so her router is working tomorrow. Verified already.',
    missing: ['fallback'],
  },
  {
    scenario: S03,
    why: 'in Spanish, of the English handoff: "router" and "mañana" carry the expectation too',
    readBack:
      'El router de Priya no funciona. La llamo mañana a las 10:00 y compruebo la entrega antes de las 16:00 para que tenga el router funcionando mañana. Ya verificada. Si no puedo, vuelve a la cola.',
    missing: [],
  },

  // 04: the deadline (Wednesday 12:00), verified another way, a plan for no pickup.
  {
    scenario: S04,
    why: 'good',
    readBack:
      "Marcus's fibre install was missed twice; I rebook the engineer with a confirmed slot by noon tomorrow. ID checked (date of birth and postcode), don't ask again. If Installations doesn't answer, Lena takes the call back and books a callback for 08:30.",
    missing: [],
  },
  {
    scenario: S04,
    why: 'paraphrase: 12pm on Wednesday, DOB, "fallback"',
    readBack:
      'Engineer no-show twice. Needs a firm, confirmed engineer slot; I book it before 12pm on Wednesday. Verified by DOB and postcode. Fallback: a callback booked for 08:30.',
    missing: [],
  },
  {
    scenario: S04,
    why: 'misses the deadline',
    readBack:
      'Missed twice: I book a confirmed engineer slot. ID checked, do not ask again. If nobody answers, Lena books a callback.',
    missing: ['deadline'],
  },
  {
    scenario: S04,
    why: 'misses the expectation',
    readBack:
      'I rebook the visit by noon tomorrow. Verified by DOB and postcode. If nobody answers, Lena books a callback.',
    missing: ['expectation'],
  },
  {
    scenario: S04,
    why: 'misses the verification',
    readBack: 'I book a confirmed engineer slot by noon tomorrow. If nobody answers, Lena books a callback.',
    missing: ['verification'],
  },
  {
    scenario: S04,
    why: 'misses the fallback',
    readBack: 'I book a confirmed engineer slot by noon tomorrow. Verified by DOB and postcode.',
    missing: ['fallback'],
  },

  // 05: the deadline (Thursday 24 December 17:00), unverified: verify first.
  {
    scenario: S05,
    why: 'good',
    readBack:
      'Subject access request from Olu: he wants a copy of his data within a month. I must verify his identity first (not verified yet; passport scan attached), then answer by 24 December 17:00. If Privacy cannot pick it up it goes back to the queue.',
    missing: [],
  },
  {
    scenario: S05,
    why: 'paraphrase: 24/12, "unverified", "requeue"',
    readBack:
      "DSAR: copy of all personal data, within one month, deadline 24/12. Unverified: check ID before sending anything. Requeue if we can't.",
    missing: [],
  },
  {
    scenario: S05,
    why: 'misses the deadline',
    readBack:
      'He wants a copy of his data within a month. Not verified yet: verify his identity first. Requeue if we cannot.',
    missing: ['deadline'],
  },
  {
    scenario: S05,
    why: 'misses the expectation',
    readBack: 'Answer the request by 24 December. Not verified: verify identity first. Requeue if we cannot.',
    missing: ['expectation'],
  },
  {
    scenario: S05,
    why: 'gets the verification wrong (calls him verified)',
    readBack: 'Copy of his data within a month, by 24 December. Customer already verified. Requeue if we cannot.',
    missing: ['verification'],
  },
  {
    scenario: S05,
    why: 'misses the fallback',
    readBack: 'Copy of his data within a month, by 24 December. Not verified yet: verify first.',
    missing: ['fallback'],
  },

  // 06: the deadline (today 18:00), £80, verified, callback.
  {
    scenario: S06,
    why: 'good',
    readBack:
      "Ray, third transfer today: Sales promised in writing to waive the £80 cancellation fee. I waive it and email written confirmation before 6pm today. Verified already, don't re-verify. If I can't get to it, I call Ray back.",
    missing: [],
  },
  {
    scenario: S06,
    why: 'paraphrase: 80 GBP, 18h, "ring him back"',
    readBack:
      'Waive the GBP 80 fee today, 18h latest, and confirm it in writing. Passed security already. If that fails, ring him back.',
    missing: [],
  },
  {
    scenario: S06,
    why: 'misses the deadline',
    readBack:
      "Sales promised in writing to waive the £80 fee; I waive it and confirm in writing. Verified already. If I can't, I call Ray back.",
    missing: ['deadline'],
  },
  {
    scenario: S06,
    why: 'misses the amount',
    readBack:
      "I waive the cancellation fee and confirm it in writing before 6pm today. Verified already. If I can't, I call Ray back.",
    missing: ['amount'],
  },
  {
    scenario: S06,
    why: 'gets the deadline wrong (tomorrow)',
    readBack:
      "I waive the £80 fee and confirm it in writing tomorrow, the fee waived as promised. Verified already. If I can't, I call Ray back.",
    missing: ['deadline'],
  },
  {
    scenario: S06,
    spanish: true,
    why: 'good, in Spanish',
    readBack:
      'Tercera transferencia de Ray: Ventas prometió por escrito anular el cargo de 80 libras. Lo anulo y envío la confirmación por correo antes de las 18:00 de hoy. Ya está verificado, no hace falta verificarle. Si no puedo, le devuelvo la llamada.',
    missing: [],
  },
  {
    scenario: S06,
    spanish: true,
    why: 'misses the amount and the verification, in Spanish',
    readBack: 'Anulo hoy el cargo antes de las 18:00 y lo confirmo por escrito. Si no puedo, le devuelvo la llamada.',
    missing: ['amount', 'verification'],
  },
];

describe('checkReadBack: the read-back corpus of the six demo scenarios', () => {
  for (const c of CORPUS) {
    it(`${c.scenario}${c.spanish ? ' (es)' : ''}: ${c.why}`, async () => {
      const handoff = await handoffOf(c.scenario, c.spanish);
      // Written the day the handoff was made: "today" and "tomorrow" count from it.
      const { check } = checkReadBack(handoff, c.readBack, {
        timeZone: c.timeZone ?? 'Europe/London',
        now: new Date(CREATED),
      });
      expect(check.missing.map((f) => f.kind).sort(), JSON.stringify(check.missing)).to.deep.equal(
        [...c.missing].sort(),
      );
      expect(check.found.length + check.missing.length).to.be.above(0);
      expect(check.dismissed).to.deep.equal([]);
    });
  }

  it('has good, paraphrased and one-fact-missing read-backs of every scenario', () => {
    for (const scenario of [S01, S02, S03, S04, S05, S06]) {
      const cases = CORPUS.filter((c) => c.scenario === scenario);
      expect(cases.filter((c) => !c.missing.length).length, scenario).to.be.at.least(2);
      expect(cases.filter((c) => c.missing.length === 1).length, scenario).to.be.at.least(3);
    }
  });
});
