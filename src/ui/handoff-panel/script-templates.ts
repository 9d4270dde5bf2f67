/** The script templates of the catalogue in use, compiled once per catalogue. */
import { compileScriptTemplates, type CompiledScriptTemplates } from '../../payload/scripts.js';
import type { HandoffMessages } from '../messages/catalogue.js';
import { reportProblem } from '../shared/report.js';

export interface ScriptTemplates {
  templates: CompiledScriptTemplates;
  /** Why the catalogue's own templates were not used (the shipped ones were). */
  error?: string;
}

export function scriptTemplatesCache(): (messages: HandoffMessages) => ScriptTemplates {
  let cached: { messages: HandoffMessages; result: ScriptTemplates } | undefined;
  return (messages) => {
    if (cached?.messages === messages) return cached.result;
    let result: ScriptTemplates;
    try {
      result = { templates: compileScriptTemplates(messages.templates, messages.templates) };
    } catch (error) {
      const message = (error as Error).message;
      reportProblem('template', '<handoff-panel>', message);
      result = { templates: compileScriptTemplates(), error: message };
    }
    cached = { messages, result };
    return result;
  };
}
