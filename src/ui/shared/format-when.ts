/** A time as the receiver's clock shows it, and the agent's too when the two differ. */
import { renderTemplate } from '../../payload/template.js';

/** Formatters made once: the directory's open list formats each option's time on every keystroke. */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}|${'day' in options ? 'far' : 'soon'}`;
  let format = FORMATTERS.get(key);
  if (!format) FORMATTERS.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone })));
  return format;
}

/**
 * `iso` on the receiver's clock (`timeZone`), with the agent's own after it where they differ, through
 * `bothZones` (`{time}` theirs, `{yours}`). Within six days the weekday says enough; later, the date too.
 */
export function formatWhen(iso: string, timeZone: string | undefined, locale: string, bothZones: string): string {
  const at = new Date(iso);
  // Past or future: further than six days away, the weekday alone would mislead.
  const soon = Math.abs(at.getTime() - Date.now()) < 6 * 86_400_000;
  const options: Intl.DateTimeFormatOptions = soon
    ? { weekday: 'long', hour: 'numeric', minute: '2-digit' }
    : { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' };
  const theirs = formatter(locale, options, timeZone).format(at);
  const yours = formatter(locale, options).format(at);
  return theirs === yours ? theirs : renderTemplate(bothZones, { time: theirs, yours });
}
