/** Spanish texts of the organisation's template: its validation messages and the panel's words for it. */
import type { ValidationMessages } from '../../payload/messages.js';

export const esTemplateValidation: Pick<
  ValidationMessages,
  'not-a-number' | 'not-an-extension' | 'bad-extension-key' | 'required-by-template'
> = {
  'not-a-number': '«{field}» debe ser un número de 12 cifras como máximo, como 42 o 19,99.',
  'not-an-extension': '«{field}» debe ser texto, un número, o sí o no (true o false).',
  'bad-extension-key': '«{key}» no puede nombrar un campo propio: usa una minúscula y después letras, dígitos o _.',
  'required-by-template': '«{field}»: la plantilla de traspaso de tu organización lo exige antes de enviar.',
};
