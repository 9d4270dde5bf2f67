/** Spanish texts of the organisation's template: its validation messages and the panel's words for it. */
import type { ValidationMessages } from '../../payload/messages.js';
import type { TemplateTexts } from './template-texts.js';

export const esTemplateValidation: Pick<
  ValidationMessages,
  'not-a-number' | 'ambiguous-number' | 'not-an-extension' | 'bad-extension-key' | 'required-by-template'
> = {
  'not-a-number': '«{field}» debe ser un número de 12 cifras como máximo, como 42 o 19,99.',
  'ambiguous-number': '«{field}»: ¿{given} son miles o decimales? Escríbelo sin separador, o con dos decimales.',
  'not-an-extension': '«{field}» debe ser texto, un número, o sí o no (true o false).',
  'bad-extension-key': '«{key}» no puede nombrar un campo propio: usa una minúscula y después letras, dígitos o _.',
  'required-by-template': '«{field}»: la plantilla de traspaso de tu organización lo exige antes de enviar.',
};

export const esTemplate: TemplateTexts = {
  yes: 'Sí',
  no: 'No',
  earlier: '{label} (de una plantilla anterior)',
  past: 'Esta hora ya ha pasado ({time}).',
  beforeCanAct: 'Vence antes de que quien recibe pueda actuar: puede desde {canAct}.',
  outsideHours: 'Fuera del horario del equipo que recibe: abre {canAct}.',
  neverOpen: 'Quien recibe no vuelve a abrir en las próximas dos semanas.',
  fieldsTitle: 'Los campos de la organización',
  checklistTitle: 'La lista de comprobación de la organización',
  ticked: 'hecho',
  notTicked: 'sin hacer',
  overdue: 'Vencida',
  receivedPast: 'Ya vencía cuando se envió',
  receivedBeforeCanAct: 'Vence antes de que pudieras actuar[ (desde {canAct})]',
  receivedOutsideHours: 'Fuera de tu horario[ (abres {canAct})]',
};
