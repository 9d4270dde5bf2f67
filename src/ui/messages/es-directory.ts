/** Spanish texts of the receiver directory, the suggested reasons and the folds (kept apart: es.ts is long). */
import type { DirectoryTexts, UiTexts } from './catalogue.js';

export const esDirectory: DirectoryTexts = {
  label: 'Quién puede ayudar',
  hint: 'Escriba un nombre, equipo o especialidad; las flechas recorren el directorio.',
  noMatch: 'Nadie del directorio coincide: escriba el receptor en los campos de abajo.',
  openUntil: 'Abierto hasta {time}',
  open: 'Abierto',
  closedUntil: 'Cerrado hasta {time}',
  closed: 'Cerrado',
  presence: { busy: 'Ocupado', away: 'Ausente', offline: 'Desconectado' },
  closedNotice: '{who} está cerrado hasta {time}.',
  closedNoticeNoHours: '{who} está cerrado y no abre en las próximas dos semanas.',
  unavailableNotice: '{who} no puede atender una transferencia ahora ({presence}).',
  informClosed: 'Puede que no le atiendan de inmediato.',
  proposals: 'Antes de transferir, avise al cliente y ofrezca:',
  callbackAt: 'Una llamada de vuelta a las {time}',
  voicemail: 'Buzón de voz',
  requeue: 'Volver a la cola',
  alternative: '{who} en su lugar (abierto ahora)',
  bothZones: '{time} en su zona ({yours} en la suya)',
  problems: 'Algunas entradas del directorio no se pueden usar: {problems}',
  loadFailed: 'No se pudo cargar el directorio de {url}: {reason}. Escriba el receptor en los campos de abajo.',
};

export const esReasonSuggestions: UiTexts['reasonSuggestions'] = {
  escalation: 'Requiere una aprobación por encima de mi límite, así que debe decidirlo un supervisor.',
  specialist: 'Requiere conocimientos de un especialista que yo no tengo.',
  'shift-change': 'Mi turno termina antes de que esto pueda resolverse.',
  'absence-cover': 'Estaré ausente antes de que esto pueda resolverse.',
};

export const esFolds: UiTexts['folds'] = {
  followUp: 'Próximos pasos y seguimiento',
  more: 'Su número de contacto y una nota',
  filled: '{count} rellenados',
};
