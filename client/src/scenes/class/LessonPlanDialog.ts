// The host's lesson plans and homework, as an HTML dialog over the dashboard (DomDialog:
// labelled, Esc closes, the focus drawn). The plans view lists the class's plans (title,
// rounds in order) with Run (its rounds queue up in the dashboard's round choice),
// Export (a JSON file another class imports) and Homework… (a deadline, then the link for
// the students, with a copy button), imports a plan file, and lists the class's
// assignments with their deadlines and links. The editor makes a plan: a title and rounds
// from the class's list (built-in and the host's own), in order, moved and removed. Drafts
// are checked before sending (plan-draft.ts); the server's refusals are shown in its words.

import type Phaser from 'phaser';
import { describeError, listRounds, type ListedRound } from '../../net/connection.ts';
import { exportPlan, listAssignments, listPlans, makeAssignment, savePlan, type HostAssignment, type ListedPlan } from '../../net/lesson-plans.ts';
import { actionRow, button, COLOURS, DomDialog, el, labelled, smallButton } from '../../ui/DomDialog.ts';
import { roundWords } from './round-words.ts';
import { addToDraft, dateTimeValue, deadlineFrom, EMPTY_DRAFT, moveInDraft, planBody, readPlanFile, removeFromDraft, suggestedDeadline, type PlanDraft } from './plan-draft.ts';
import { filterRounds } from './round-catalogue.ts';
import { htmlPx } from '../../ui/html-text.ts';

/** The class the dialog works on: its code and host key (null before the dashboard has them). */
export type HostCredentials = { readonly code: string; readonly hostKey: string } | null;

export interface LessonPlanDeps {
  readonly host: () => HostCredentials;
  /** Queues the plan's rounds in the dashboard's round choice. */
  readonly run: (plan: ListedPlan) => void;
  /** The dialog opened or closed. */
  readonly toggled: () => void;
}

const LIST_STYLE: Partial<CSSStyleDeclaration> = { listStyle: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '6px' };
const ENTRY_STYLE: Partial<CSSStyleDeclaration> = { padding: '8px 10px', borderRadius: '6px', border: `2px solid ${COLOURS.edge}`, background: COLOURS.panel };

function subheading(text: string): HTMLHeadingElement {
  return el('h3', { margin: '16px 0 8px', fontSize: htmlPx(18) }, text);
}

function dueWords(deadline: number): string {
  return new Date(deadline).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export class LessonPlanDialog extends DomDialog {
  private readonly deps: LessonPlanDeps;
  private plans: ListedPlan[] = [];
  private assignments: HostAssignment[] = [];
  private rounds: ListedRound[] = [];
  private draft: PlanDraft = EMPTY_DRAFT;

  constructor(scene: Phaser.Scene, deps: LessonPlanDeps) {
    super(scene, 'mallocade-plans-dialog', deps.toggled);
    this.deps = deps;
  }

  /** Opens the dialog on the class's plans and assignments. */
  open(): void {
    this.show();
    this.showPlans('Loading the lesson plans…');
    void this.reload();
  }

  /** Fetches the plans and assignments again and redraws the plans view (when it is open). */
  private async reload(note = ''): Promise<void> {
    const host = this.deps.host();
    if (!host) return;
    try {
      [this.plans, this.assignments] = await Promise.all([listPlans(host.code, host.hostKey), listAssignments(host.code, host.hostKey)]);
      if (this.isOpen && this.box.dataset.view === 'plans') this.showPlans(note);
    } catch (error) {
      this.warn(`The lesson plans could not be loaded: ${describeError(error)}`);
    }
  }

  // ---- the plans ------------------------------------------------------------------------

  private showPlans(note = ''): void {
    const focusedName = document.activeElement instanceof HTMLElement && this.box.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
    this.box.dataset.view = 'plans';
    this.box.replaceChildren();
    const intro = el('p', { color: COLOURS.dim, margin: '0 0 8px' }, 'A plan is rounds in order: run it in class, export it for next term\'s class, or give it as homework.');
    const list = el('ul', LIST_STYLE);
    list.setAttribute('aria-label', 'Lesson plans');
    list.append(...this.plans.map((plan) => this.planEntry(plan)));
    const none = this.plans.length === 0 ? [el('p', { margin: '4px 0' }, 'This class has no lesson plan yet.')] : [];
    const actions = actionRow(button('New plan…', () => { this.draft = EMPTY_DRAFT; this.showEditor(); }, true), this.importControl(), button('Close', () => this.close()));
    this.box.append(this.heading('Lesson plans'), intro, this.statusLine(note), this.alertLine(), ...none, list, actions, subheading('Homework'), this.assignmentList());
    const again = focusedName ? [...this.box.querySelectorAll<HTMLElement>('[aria-label]')].find((e) => e.getAttribute('aria-label') === focusedName) : null;
    (again ?? this.box.querySelector<HTMLButtonElement>('button'))?.focus();
  }

  private planEntry(plan: ListedPlan): HTMLLIElement {
    const item = el('li', ENTRY_STYLE);
    item.dataset.planId = plan.id;
    const rounds = el('ol', { margin: '4px 0 8px', paddingLeft: '24px', color: COLOURS.dim, fontSize: htmlPx(15) });
    rounds.setAttribute('aria-label', `Rounds of ${plan.title}`);
    rounds.append(...plan.rounds.map((r) => el('li', {}, r.title)));
    const buttons = el('div', { display: 'flex', gap: '8px', flexWrap: 'wrap' });
    buttons.append(
      smallButton('Run', `Run ${plan.title}: queue its rounds`, () => { this.close(); this.deps.run(plan); }),
      smallButton('Export', `Export ${plan.title} as a file`, () => void this.exportFile(plan)),
      smallButton('Homework…', `Homework… for ${plan.title}`, () => this.showHomework(plan)),
    );
    item.append(el('strong', { display: 'block' }, plan.title), rounds, buttons);
    return item;
  }

  private async exportFile(plan: ListedPlan): Promise<void> {
    const host = this.deps.host();
    if (!host) return;
    try {
      await exportPlan(host.code, host.hostKey, plan.id);
      this.say(`“${plan.title}” exported: import the file into another class.`);
    } catch (error) {
      this.warn(`Not exported: ${describeError(error)}`);
    }
  }

  /** "Import a plan file": a file input; the file is checked here, then saved to the class. */
  private importControl(): HTMLLabelElement {
    const input = el('input');
    input.type = 'file';
    input.name = 'plan-file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void this.importFile(file);
      input.value = '';
    });
    const label = labelled('Import a plan file', input);
    Object.assign(input.style, { padding: '4px', maxWidth: htmlPx(240) });
    return label;
  }

  private async importFile(file: File): Promise<void> {
    const host = this.deps.host();
    if (!host) return;
    const read = readPlanFile(await file.text());
    if (!read.ok) return this.warn(read.message);
    try {
      const saved = await savePlan(host.code, host.hostKey, read.value);
      await this.reload(`Imported “${saved.title}” (${saved.rounds.length} ${saved.rounds.length === 1 ? 'round' : 'rounds'}).`);
    } catch (error) {
      this.warn(`Not imported: ${describeError(error)}`);
    }
  }

  private assignmentList(): HTMLElement {
    if (this.assignments.length === 0) return el('p', { color: COLOURS.dim, margin: '0' }, 'No homework yet: Homework… beside a plan gives it a deadline and a link.');
    const list = el('ul', LIST_STYLE);
    list.setAttribute('aria-label', 'Homework');
    list.append(...this.assignments.map((a) => {
      const item = el('li', ENTRY_STYLE);
      item.dataset.assignmentId = a.id;
      item.append(el('strong', { display: 'block' }, a.title), el('span', { display: 'block', color: COLOURS.dim, fontSize: htmlPx(14) }, `Due ${dueWords(a.deadline)}`), this.linkRow(a));
      return item;
    }));
    return list;
  }

  /** An assignment's link in a read-only field, and a button that copies it. */
  private linkRow(assignment: HostAssignment): HTMLElement {
    const field = el('input', { flex: '1', minWidth: '0' });
    field.readOnly = true;
    field.value = assignment.link;
    field.name = 'assignment-link';
    const label = labelled(`Link for “${assignment.title}”`, field);
    label.style.flex = '1';
    const copy = smallButton('Copy link', `Copy link for ${assignment.title}`, () => void this.copy(field));
    const row = el('div', { display: 'flex', gap: '8px', alignItems: 'flex-end', marginTop: '6px' });
    row.append(label, copy);
    return row;
  }

  private async copy(field: HTMLInputElement): Promise<void> {
    try {
      await navigator.clipboard.writeText(field.value);
      this.say('Link copied: paste it where your students will find it.');
    } catch {
      field.focus();
      field.select();
      this.say('The browser would not copy it: the link is selected, press Ctrl+C (⌘C on a Mac).');
    }
  }

  // ---- homework ------------------------------------------------------------------------

  private showHomework(plan: ListedPlan): void {
    this.box.dataset.view = 'homework';
    this.box.replaceChildren();
    const rounds = el('p', { color: COLOURS.dim, margin: '0 0 10px' }, `Students play its ${plan.rounds.length === 1 ? 'round' : `${plan.rounds.length} rounds`} alone from a link, as themselves in this class; every try is kept, those after the deadline marked late.`);
    const deadline = el('input');
    deadline.type = 'datetime-local';
    deadline.name = 'deadline';
    deadline.value = dateTimeValue(suggestedDeadline(Date.now()));
    const made = el('div');
    const actions = actionRow(button('Make homework', () => void this.makeHomework(plan, deadline, made), true), button('Back to the plans', () => this.showPlans()));
    this.box.append(this.heading(`Homework: ${plan.title}`), rounds, labelled('Deadline (your local time)', deadline), this.alertLine(), this.statusLine(), made, actions);
    deadline.focus();
  }

  private async makeHomework(plan: ListedPlan, field: HTMLInputElement, into: HTMLElement): Promise<void> {
    const host = this.deps.host();
    if (!host) return;
    const deadline = deadlineFrom(field.value, Date.now());
    if (!deadline.ok) return this.warn(deadline.message);
    try {
      const assignment = await makeAssignment(host.code, host.hostKey, plan.id, deadline.value);
      this.assignments = [...this.assignments, assignment];
      into.replaceChildren(el('p', { margin: '8px 0 0' }, `Homework made, due ${dueWords(assignment.deadline)}. Hand this link to the students:`), this.linkRow(assignment));
      this.say('Homework made.');
      into.querySelector<HTMLButtonElement>('button')?.focus();
    } catch (error) {
      this.warn(`Not made: ${describeError(error)}`);
    }
  }

  // ---- the editor ------------------------------------------------------------------------

  private showEditor(): void {
    this.box.dataset.view = 'editor';
    this.box.replaceChildren();
    const title = el('input', { width: '100%', boxSizing: 'border-box' });
    title.name = 'plan-title';
    title.maxLength = 80;
    title.value = this.draft.title;
    title.addEventListener('input', () => { this.draft = { ...this.draft, title: title.value }; });
    const chosen = el('ol', { ...LIST_STYLE, listStyle: 'decimal', paddingLeft: '28px' });
    chosen.setAttribute('aria-label', 'Rounds in the plan');
    chosen.className = 'plan-rounds';
    const search = el('input', { width: '100%', boxSizing: 'border-box' });
    search.type = 'search';
    search.name = 'plan-round-search';
    search.placeholder = 'title, description or kind';
    const offered = el('ul', LIST_STYLE);
    offered.setAttribute('aria-label', 'Rounds to add');
    const fillOffered = (): void => offered.replaceChildren(...filterRounds(this.rounds, search.value).map((round) => this.offeredRound(round, chosen)));
    search.addEventListener('input', fillOffered);
    const actions = actionRow(button('Save plan', () => void this.saveDraft(), true), button('Back to the plans', () => this.showPlans()));
    this.box.append(
      this.heading('A new lesson plan'), labelled('Title', title), subheading('Rounds in the plan'), chosen, this.alertLine(), this.statusLine(),
      actions, subheading('Add rounds'), labelled('Search rounds', search), offered,
    );
    this.fillChosen(chosen);
    title.focus();
    const host = this.deps.host();
    if (this.rounds.length > 0 || !host) return fillOffered();
    this.say('Loading the rounds…');
    void listRounds(host.code, host.hostKey).then((rounds) => {
      this.rounds = rounds;
      this.say('');
      fillOffered();
    }).catch((error: unknown) => this.warn(`The rounds could not be loaded: ${describeError(error)}`));
  }

  private offeredRound(round: ListedRound, chosen: HTMLOListElement): HTMLLIElement {
    const item = el('li', { ...ENTRY_STYLE, display: 'flex', gap: '10px', alignItems: 'center', justifyContent: 'space-between' });
    item.dataset.roundId = round.id;
    const words = el('div');
    words.append(...roundWords(round));
    item.append(words, smallButton('Add', `Add ${round.title}`, () => {
      this.draft = addToDraft(this.draft, round);
      this.fillChosen(chosen);
      this.say(`Added “${round.title}” as round ${this.draft.rounds.length}.`);
    }));
    return item;
  }

  /** The draft's rounds in order, each with ↑ ↓ and Remove; the focus stays on the button pressed, wherever its round went. */
  private fillChosen(chosen: HTMLOListElement, focus: string | null = null): void {
    const rounds = this.draft.rounds;
    if (rounds.length === 0) {
      chosen.replaceChildren(el('li', { color: COLOURS.dim, listStyle: 'none', marginLeft: '-28px' }, 'No round yet: add rounds from the list below.'));
      // The last round removed: the keyboard goes on where rounds are added.
      if (focus) this.box.querySelector<HTMLInputElement>('input[name=plan-round-search]')?.focus();
      return;
    }
    chosen.replaceChildren(...rounds.map((round, i) => {
      const item = el('li', ENTRY_STYLE);
      const row = el('div', { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' });
      const change = (next: PlanDraft, key: string): void => { this.draft = next; this.fillChosen(chosen, key); };
      row.append(
        el('span', { flex: '1', minWidth: `min(${htmlPx(140)}, 100%)` }, round.title),
        smallButton('↑', `Move ${round.title} (round ${i + 1}) up`, () => change(moveInDraft(this.draft, i, -1), `up-${Math.max(0, i - 1)}`)),
        smallButton('↓', `Move ${round.title} (round ${i + 1}) down`, () => change(moveInDraft(this.draft, i, 1), `down-${Math.min(rounds.length - 1, i + 1)}`)),
        smallButton('Remove', `Remove ${round.title} (round ${i + 1})`, () => change(removeFromDraft(this.draft, i), `remove-${Math.min(i, rounds.length - 2)}`)),
      );
      const [up, down, remove] = [...row.querySelectorAll('button')];
      if (up) up.dataset.key = `up-${i}`;
      if (down) down.dataset.key = `down-${i}`;
      if (remove) remove.dataset.key = `remove-${i}`;
      item.append(row);
      return item;
    }));
    if (focus) chosen.querySelector<HTMLButtonElement>(`button[data-key="${focus}"]`)?.focus();
  }

  private async saveDraft(): Promise<void> {
    const host = this.deps.host();
    if (!host) return;
    const body = planBody(this.draft);
    if (!body.ok) return this.warn(body.message);
    try {
      const saved = await savePlan(host.code, host.hostKey, body.value);
      this.draft = EMPTY_DRAFT;
      this.showPlans();
      await this.reload(`Saved “${saved.title}”.`);
    } catch (error) {
      this.warn(`Not saved: ${describeError(error)}`);
    }
  }
}
