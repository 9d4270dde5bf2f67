/**
 * A tiny plain-text template language for scripts and messages.
 *
 * - `{slot}` is replaced by the slot's value, or by its fallback phrase when the value is missing.
 * - `[ … ]` is an optional section: dropped whole when any slot inside it has no value, so
 *   `Thank you[, {customerName}].` reads well with or without a name.
 * - `{{`, `}}`, `[[` and `]]` stand for the literal characters.
 *
 * Output is plain text (never HTML); escaping for display is the UI's job.
 */

export type Slots = Readonly<Record<string, string | number | undefined | null>>;

type Node = { kind: 'text'; text: string } | { kind: 'slot'; name: string } | { kind: 'optional'; children: Node[] };

export interface TemplateProblem {
  /** Zero-based character offset in the template. */
  position: number;
  message: string;
}

/** Thrown when a template cannot be parsed; lists every problem with its position. */
export class TemplateSyntaxError extends Error {
  override name = 'TemplateSyntaxError';
  constructor(
    readonly template: string,
    readonly problems: TemplateProblem[],
    readonly templateName?: string,
  ) {
    super(
      `Template${templateName ? ` "${templateName}"` : ''} has ${problems.length === 1 ? 'an error' : `${problems.length} errors`}: ` +
        problems.map((p) => `${p.message} (at character ${p.position + 1})`).join('; '),
    );
  }
}

const SLOT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export interface ParseOptions {
  /** When given, a slot not in this list is a syntax error (catches typos such as `{recieverName}`). */
  allowedSlots?: readonly string[];
}

export interface ParsedTemplate {
  readonly source: string;
  readonly nodes: readonly Node[];
  /** The slot names the template uses, in order of first use. */
  readonly slots: readonly string[];
}

/** Parses a template, throwing {@link TemplateSyntaxError} with every problem found. */
export function parseTemplate(source: string, options: ParseOptions = {}, name?: string): ParsedTemplate {
  const problems: TemplateProblem[] = [];
  const slots: string[] = [];
  const root: Node[] = [];
  const stack: { children: Node[]; start: number }[] = [{ children: root, start: 0 }];
  let text = '';
  const current = () => stack[stack.length - 1]!.children;
  const flush = () => {
    if (text) current().push({ kind: 'text', text });
    text = '';
  };

  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if ((ch === '{' || ch === '}' || ch === '[' || ch === ']') && next === ch) {
      text += ch;
      i += 2;
    } else if (ch === '{') {
      const end = source.indexOf('}', i + 1);
      const nextOpen = source.indexOf('{', i + 1);
      if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
        problems.push({ position: i, message: 'a "{" is never closed with "}" (write "{{" for a literal brace)' });
        i += 1;
        continue;
      }
      const slotName = source.slice(i + 1, end).trim();
      if (!SLOT_NAME.test(slotName)) {
        problems.push({
          position: i,
          message: `"{${slotName}}" is not a valid slot name (letters, digits and _ only)`,
        });
      } else if (options.allowedSlots && !options.allowedSlots.includes(slotName)) {
        problems.push({
          position: i,
          message: `unknown slot "{${slotName}}"; known slots are ${options.allowedSlots.map((s) => `{${s}}`).join(', ')}`,
        });
      } else {
        flush();
        current().push({ kind: 'slot', name: slotName });
        if (!slots.includes(slotName)) slots.push(slotName);
      }
      i = end + 1;
    } else if (ch === '}') {
      problems.push({ position: i, message: 'a "}" has no matching "{" (write "}}" for a literal brace)' });
      i += 1;
    } else if (ch === '[') {
      flush();
      const section: Node = { kind: 'optional', children: [] };
      current().push(section);
      stack.push({ children: section.children, start: i });
      i += 1;
    } else if (ch === ']') {
      if (stack.length === 1) {
        problems.push({ position: i, message: 'a "]" has no matching "[" (write "]]" for a literal bracket)' });
      } else {
        flush();
        stack.pop();
      }
      i += 1;
    } else {
      text += ch;
      i += 1;
    }
  }
  flush();
  for (const open of stack.slice(1)) {
    problems.push({
      position: open.start,
      message: 'a "[" is never closed with "]" (write "[[" for a literal bracket)',
    });
  }
  if (problems.length) throw new TemplateSyntaxError(source, problems, name);
  return { source, nodes: root, slots };
}

const hasValue = (value: Slots[string]): boolean =>
  value !== undefined && value !== null && String(value).trim() !== '';

function renderNodes(nodes: readonly Node[], slots: Slots, fallbacks: Slots, inSection: boolean): string | undefined {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'slot') {
      const value = slots[node.name];
      if (hasValue(value)) out += String(value).trim();
      // An optional section never falls back: it exists precisely to be left out.
      else if (inSection) return undefined;
      else if (hasValue(fallbacks[node.name])) out += String(fallbacks[node.name]);
    } else {
      out += renderNodes(node.children, slots, fallbacks, true) ?? '';
    }
  }
  return out;
}

/** Tidies the joins that a dropped section or an empty value leaves behind. */
function tidy(text: string): string {
  return (
    text
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/ +([,.;:!?])/g, '$1')
      .replace(/([,;:]){2,}/g, '$1')
      // A value ending a sentence ("… approve it.") before the template's own full stop.
      .replace(/(?<!\.)([.!?])\.(?!\.)/g, '$1')
      .replace(/^[\s,;:]+/, '')
      .trim()
      // A sentence whose opening section was dropped still starts with a capital.
      .replace(/^\p{Ll}/u, (first) => first.toLocaleUpperCase())
  );
}

/**
 * Renders a template to plain text. A slot with no value takes its fallback phrase; a slot with neither
 * renders as nothing with the words around it tidied, so rendering never fails on missing data.
 * Throws {@link TemplateSyntaxError} only for a malformed template (an integrator's error, not the agent's).
 */
export function renderTemplate(template: string | ParsedTemplate, slots: Slots, fallbacks: Slots = {}): string {
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  return tidy(renderNodes(parsed.nodes, slots, fallbacks, false) ?? '');
}
