/** A note's sections as plain text, Markdown or HTML; the user's text escaped for the format. */
import type { NoteLine, NoteSection } from './note-model.js';

export const NOTE_FORMATS = ['text', 'markdown', 'html'] as const;
export type NoteFormat = (typeof NOTE_FORMATS)[number];

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
/** One line per line of the note: every line break a reader's software honours becomes a space. */
const flatten = (text: string) => text.replace(/\s*[\r\n\u2028\u2029\u0085\v\f]+\s*/g, ' ');
// Only what would change the rendering; a line's leading list or heading mark too, where it starts one.
const escapeMarkdown = (text: string) => flatten(text).replace(/[\\`*_[\]<>|~]/g, '\\$&');
const escapeMarkdownLine = (text: string) =>
  escapeMarkdown(text)
    .replace(/^(\s{0,3})([#>+=-])/, '$1\\$2')
    .replace(/^(\s{0,3}\d+)([.)])/, '$1\\$2');

type Renderer = (sections: readonly NoteSection[]) => string;

const lineText = (line: NoteLine, esc: (t: string) => string, strong: (t: string) => string, escLineStart = esc) =>
  line.label ? `${strong(`${esc(line.label)}:`)} ${esc(line.text)}` : escLineStart(line.text);

const RENDERERS: Record<NoteFormat, Renderer> = {
  text: (sections) =>
    sections
      .map((s) => {
        const lines = s.lines.map((l) => lineText(l, flatten, (t) => t));
        return s.title ? [`${s.title}:`, ...lines.map((l) => `- ${l}`)].join('\n') : lines.join('\n');
      })
      .join('\n\n'),
  markdown: (sections) =>
    sections
      .map((s) => {
        const lines = s.lines.map((l) => lineText(l, escapeMarkdown, (t) => `**${t}**`, escapeMarkdownLine));
        return s.title ? [`### ${s.title}`, ...lines.map((l) => `- ${l}`)].join('\n') : lines.join('  \n');
      })
      .join('\n\n'),
  html: (sections) =>
    sections
      .map((s) => {
        const lines = s.lines.map((l) =>
          lineText(
            l,
            (t) => escapeHtml(flatten(t)),
            (t) => `<strong>${t}</strong>`,
          ),
        );
        return s.title
          ? `<h3>${escapeHtml(s.title)}</h3><ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>`
          : `<p>${lines.join('<br>')}</p>`;
      })
      .join(''),
};

export function renderNote(sections: readonly NoteSection[], format: NoteFormat): string {
  return RENDERERS[format](sections.filter((s) => s.lines.length > 0));
}
