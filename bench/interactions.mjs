// How many interactions an agent needs, per demo scenario, from the CRM's prefill to a valid handoff
// that scores full marks on the rubric: each click, each choice and each field typed into counts one
// (a field's text once, whatever its length), "Hand off" and "Send handoff" included. The fields come from
// the scenario's model answer, less what the page already shows and what full marks do not need (found
// by leaving each out in turn, judged with the SDK's own buildHandoff and scoreHandoff); then the real
// demo is driven with what is left, and the score it shows is checked. Picking the receiver from the
// directory's combobox counts one, as a choice in a select does (open the list, click the entry); so does
// opening a folded group of fields.

/** What a directory entry puts on the form when picked (as the panel's DirectoryController does). */
export function pickFills(entry) {
  return {
    'to.name': entry.name ?? '',
    'to.team': entry.team,
    'to.expertise': entry.expertise ?? '',
    'contingency.fallback.phone': entry.fallback.phone,
    'contingency.fallback.name': entry.fallback.name ?? '',
    ...(entry.ifUnavailable ? { 'contingency.ifUnavailable': entry.ifUnavailable } : {}),
  };
}

/** What a trainee does, in the form's order: `[kind, path, value]`. */
function steps(model, directory = []) {
  const out = [];
  // The receiver picked from the directory: what the pick fills is not typed (unless the answer differs).
  const index = directory.findIndex((e) => e.team === model.to?.team && (e.name ?? '') === (model.to?.name ?? ''));
  const fills = index === -1 ? {} : pickFills(directory[index]);
  const put = (kind, path, value) => {
    if (value === undefined || value === '' || fills[path] === value) return;
    out.push({ kind, path, value });
  };
  put('select', 'reason.code', model.reason?.code);
  put('select', 'priority', model.priority);
  put('text', 'reason.detail', model.reason?.detail);
  put('radio', 'mode', model.mode);
  put('select', 'channel', model.channel);
  put('text', 'recap.summary', model.recap?.summary);
  put('text', 'recap.tried', model.recap?.tried?.join('\n'));
  put('text', 'recap.expectation', model.recap?.expectation);
  const verification = model.customer?.verification ?? {};
  if (verification.status === 'verified') {
    put('check', 'customer.verification.status', true);
    put('select', 'customer.verification.method', verification.method);
    put('text', 'customer.verification.methodDetail', verification.methodDetail);
    put('text', 'customer.verification.by', verification.by);
  }
  (model.actions ?? []).forEach((action, i) => {
    // The first action's row is on the form before "Add action".
    if (i > 0) put('add-action', `actions.${i}`, i);
    put('text', `actions.${i}.text`, action.text);
    if (action.owner && action.owner !== 'receiver') put('select', `actions.${i}.owner`, action.owner);
    put('datetime', `actions.${i}.due`, action.due);
  });
  put('text', 'nextSteps', model.nextSteps);
  if (index !== -1) out.push({ kind: 'pick', path: 'directory', value: index, fills });
  put('text', 'to.name', model.to?.name);
  put('text', 'to.team', model.to?.team);
  put('text', 'to.expertise', model.to?.expertise);
  put('text', 'script.managingUp', model.script?.managingUp);
  const c = model.contingency;
  if (c) {
    put('text', 'contingency.fallback.phone', c.fallback?.phone);
    put('text', 'contingency.fallback.name', c.fallback?.name);
    put('select', 'contingency.ifUnavailable', c.ifUnavailable);
    // The form has no plans: a trainee writes them in the note.
    const plans = (c.plans ?? []).map((p) => `If ${p.if}: ${p.then}`).join(' ');
    put('text', 'contingency.note', [c.note, plans].filter(Boolean).join(' ') || undefined);
  }
  for (const box of ['customerInformed', 'apologyGiven', 'detailsConfirmed'])
    if (model.script?.[box]) put('check', `script.${box}`, true);
  return out;
}

/** In the page: which steps full marks need, judged on the panel's own draft with the SDK's rules. */
async function neededSteps({ all, scenarioId }) {
  /* eslint-disable no-undef -- this function runs in the page */
  const { buildHandoff, suggestScripts, DEFAULT_SCRIPT_TEMPLATES_EN } = await import('/dist/esm/payload/index.js');
  const { scoreHandoff } = await import('/dist/esm/training/index.js');
  const { en } = await import('/dist/esm/ui/messages/catalogue.js');
  const { scenarios } = await (await fetch('/scenarios.json')).json();
  const scenario = scenarios.find((s) => s.id === scenarioId);
  const panel = document.querySelector('handoff-panel');
  // What the form shows, preselections included (`value` has the preselected mode).
  const start = panel.value;
  const setPath = (root, path, value) => {
    const keys = path.split('.');
    let bag = root;
    keys.slice(0, -1).forEach((k, i) => {
      bag[k] ??= /^\d+$/.test(keys[i + 1]) ? [] : {};
      bag = bag[k];
    });
    bag[keys.at(-1)] = value;
  };
  const getPath = (root, path) => path.split('.').reduce((v, k) => v?.[k], root);
  const valueOf = (step) =>
    step.kind === 'check'
      ? step.path === 'customer.verification.status'
        ? 'verified'
        : true
      : step.path === 'recap.tried'
        ? step.value.split('\n')
        : step.value;
  const shown = (step) =>
    step.kind !== 'add-action' &&
    step.kind !== 'pick' &&
    JSON.stringify(getPath(start, step.path)) === JSON.stringify(valueOf(step));
  const fullMarks = (chosen) => {
    const draft = structuredClone(start);
    for (const step of chosen) {
      if (step.kind === 'add-action') setPath(draft, `${step.path}.owner`, 'receiver');
      else if (step.kind === 'pick')
        for (const [path, value] of Object.entries(step.fills)) setPath(draft, path, value);
      else setPath(draft, step.path, valueOf(step));
      // Choosing a reason puts its suggested line in an empty "why I can't resolve it".
      if (step.path === 'reason.code' && !draft.reason?.detail)
        setPath(draft, 'reason.detail', en.ui.reasonSuggestions?.[step.value] ?? '');
    }
    for (const action of draft.actions ?? []) action.owner ??= 'receiver';
    if (!chosen.some((s) => s.path === 'script.managingUp'))
      setPath(draft, 'script.managingUp', suggestScripts(draft, DEFAULT_SCRIPT_TEMPLATES_EN).managingUp);
    draft.training = true;
    const built = buildHandoff(draft);
    return built.ok && scoreHandoff(built.payload, scenario).percent === 100;
  };
  let chosen = all.filter((step) => !shown(step));
  if (!fullMarks(chosen)) return { error: 'the model answer, typed into this page, does not score full marks' };
  // An action's row and its text go together; everything else may go on its own.
  for (const step of [...chosen].reverse()) {
    if (/^actions\.\d+\.text$/.test(step.path)) continue;
    const without = chosen.filter((s) =>
      step.kind === 'add-action' ? !s.path.startsWith(`${step.path}.`) && s !== step : s !== step,
    );
    if (fullMarks(without)) chosen = without;
  }
  return { chosen };
  /* eslint-enable no-undef */
}

/** Drives the real demo for one scenario; returns the interactions counted and the score shown. */
export async function countInteractions(browser, origin, scenario) {
  const context = await browser.newContext({ timezoneId: 'UTC', viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/?scenario=${scenario.id}`);
    await page.locator('body[data-ready]').waitFor();
    let count = 0;
    await page.getByRole('button', { name: 'Hand off' }).click();
    count++;
    const panel = page.locator('handoff-panel');
    await panel.getByRole('button', { name: 'Send handoff' }).waitFor();
    const directory = scenario.crm.directory ?? [];
    const result = await page.evaluate(neededSteps, { all: steps(scenario.model, directory), scenarioId: scenario.id });
    if (result.error) throw new Error(`${scenario.id}: ${result.error}`);
    for (const step of result.chosen) {
      const control = panel.locator(`[data-path="${step.path}"]`);
      if (step.kind !== 'pick' && step.kind !== 'add-action' && (await control.first().isHidden())) {
        // A field in a folded group: open the group first.
        const fold = panel.locator('details[part="fold"]').filter({ has: page.locator(`[data-path="${step.path}"]`) });
        await fold.locator('summary').click();
        count++;
      }
      if (step.kind === 'pick') {
        await panel.getByRole('combobox', { name: 'Who can help' }).click();
        await panel.locator('[role="listbox"] [role="option"]').nth(step.value).click();
      } else if (step.kind === 'add-action') await panel.locator('#add-action').click();
      else if (step.kind === 'select') await control.selectOption(step.value);
      else if (step.kind === 'check') await control.check();
      else if (step.kind === 'radio') await panel.locator(`input[name="mode"][value="${step.value}"]`).check();
      else if (step.kind === 'datetime') await control.fill(step.value.slice(0, 16));
      else await control.fill(step.value);
      count++;
    }
    await panel.getByRole('button', { name: 'Send handoff' }).click();
    count++;
    const refused = panel.locator('[part="error-summary"]');
    await Promise.race([page.locator('#score .total').waitFor(), refused.waitFor()]);
    if (await refused.isVisible())
      throw new Error(`${scenario.id}: the page refused the handoff: ${(await refused.textContent()).trim()}`);
    const score = (await page.locator('#score .total').textContent()).trim();
    if (!/\(100%\)/.test(score)) throw new Error(`${scenario.id}: the page scored it ${score}, not full marks`);
    return { scenario: scenario.id, count, score, fields: result.chosen.map((s) => s.path) };
  } finally {
    await context.close();
  }
}
