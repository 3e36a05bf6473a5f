// The host's round picker and round editor: an HTML dialog over the dashboard (real
// inputs, selects and buttons with labels, for the keyboard and screen readers). The
// picker lists every round the class can start with its description, kind, number of
// requests and expected length, and searches them, and opens a copy of one of the host's
// own rounds in the editor; the editor sets a round of the host's own (allocator kind and
// its options: heap limit, alignment, header and footer, minimum block, mmap threshold,
// coalescing, growth; buddy orders; slab caches, classes and page limit; arena chunk; the
// stream, seed, clock, hints, fallback, title, description), previews it (the sizes over time, every built-in policy's score) with the
// engine in the browser, shows the engine's own refusal words, and saves it to the class.
// Created by the scene and removed when it shuts down.

import type Phaser from 'phaser';
import { kindLabel, policiesFor, registeredKinds, type RegisteredKind } from '../../../../shared/match/kinds.ts';
import { previewRound, type RoundPreview } from '../../../../shared/match/round-preview.ts';
import { LECTURE_SCRIPTS } from '../../../../shared/streams/lecture.ts';
import { describeError, type ListedRound } from '../../net/connection.ts';
import { EDITOR_DEFAULTS, editorCopy, editorSettings, filterRounds, lengthWords, type EditorValues } from './round-catalogue.ts';
import { actionRow, button, COLOURS, DomDialog, el, INPUT_STYLE, labelled, smallButton } from '../../ui/DomDialog.ts';
import { roundWords } from './round-words.ts';
import { htmlFont, htmlPx } from '../../ui/html-text.ts';

export interface RoundPickerDeps {
  readonly load: () => Promise<ListedRound[]>;
  readonly save: (settings: unknown) => Promise<ListedRound>;
  readonly pick: (round: ListedRound) => void;
}

export class RoundPickerDialog extends DomDialog {
  private readonly deps: RoundPickerDeps;
  private rounds: ListedRound[] = [];
  private values: EditorValues = EDITOR_DEFAULTS;

  constructor(scene: Phaser.Scene, deps: RoundPickerDeps) {
    super(scene, 'mallocade-round-dialog');
    this.deps = deps;
  }

  /** Opens the picker on the class's list of rounds. */
  open(): void {
    this.show();
    this.showList('');
    void this.deps.load().then((rounds) => {
      this.rounds = rounds;
      if (this.isOpen && this.box.dataset.view === 'list') this.showList(this.searchText());
    }).catch((error: unknown) => this.say(`The rounds could not be loaded: ${describeError(error)}`));
  }

  private searchText(): string {
    return this.box.querySelector<HTMLInputElement>('input[name=round-search]')?.value ?? '';
  }

  // ---- the picker ------------------------------------------------------------------------

  private showList(query: string): void {
    this.box.dataset.view = 'list';
    this.box.replaceChildren();
    const search = el('input', { ...INPUT_STYLE, width: '100%', boxSizing: 'border-box' });
    search.type = 'search';
    search.name = 'round-search';
    search.value = query;
    search.placeholder = 'title, description or kind';
    const label = el('label', { display: 'flex', flexDirection: 'column', gap: '4px', marginBottom: '10px' }, 'Search rounds');
    label.append(search);
    const list = el('ul', { listStyle: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: '6px' });
    list.setAttribute('aria-label', 'Rounds');
    const fill = (): void => list.replaceChildren(...this.listItems(search.value));
    search.addEventListener('input', fill);
    fill();
    const status = this.statusLine(this.rounds.length === 0 ? 'Loading the rounds…' : '');
    const actions = actionRow(button('New round…', () => { this.values = EDITOR_DEFAULTS; this.showEditor(); }), button('Close', () => this.close()));
    this.box.append(this.heading('Choose a round'), label, status, list, actions);
    search.focus();
  }

  private listItems(query: string): HTMLLIElement[] {
    return filterRounds(this.rounds, query).map((round) => {
      const item = el('li');
      const b = el('button', {
        width: '100%', textAlign: 'left', padding: '8px 10px', borderRadius: '6px', border: `2px solid ${COLOURS.edge}`, background: COLOURS.panel, color: COLOURS.text, cursor: 'pointer', font: htmlFont(16),
      });
      b.type = 'button';
      b.dataset.roundId = round.id;
      b.append(...roundWords(round));
      b.addEventListener('click', () => {
        this.close();
        this.deps.pick(round);
      });
      item.append(b);
      if (round.settings) item.append(this.editCopyButton(round));
      return item;
    });
  }

  /** "Edit a copy": the host's own round in the editor, saved as a new round. */
  private editCopyButton(round: ListedRound): HTMLButtonElement {
    const edit = smallButton('Edit a copy', `Edit a copy of ${round.title}`, () => {
      const copy = editorCopy(round.settings, registeredKinds());
      this.values = copy.values;
      const left = copy.dropped.length > 0 ? ` The editor has no field for ${copy.dropped.join(', ')}: the copy leaves ${copy.dropped.length === 1 ? 'it' : 'them'} out.` : '';
      this.showEditor(`A copy of “${round.title}”`, `Change what you like; saving makes a new round beside the old one.${left}`);
    });
    edit.style.marginTop = '4px';
    return edit;
  }

  // ---- the editor ------------------------------------------------------------------------

  private showEditor(title = 'A round of your own', note = ''): void {
    this.box.dataset.view = 'editor';
    this.box.replaceChildren();
    const form = el('form', { display: 'grid', gridTemplateColumns: `repeat(auto-fill, minmax(min(${htmlPx(200)}, 100%), 1fr))`, gap: '10px' });
    form.addEventListener('submit', (event) => event.preventDefault());
    const v = this.values;
    const kinds = registeredKinds();
    form.append(
      this.text('title', 'Title', v.title, 80), this.text('description', 'One-line description', v.description, 200),
      this.select('kind', 'Allocator', kinds.map((k) => [k, kindLabel(k)]), v.kind),
      this.number('heapLimit', 'Heap limit (bytes, free list)', v.heapLimit), this.number('align', 'Alignment (free list)', v.align),
      this.number('header', 'Header bytes (free list)', v.header), this.number('footer', 'Footer bytes (free list)', v.footer),
      this.number('minBlock', 'Minimum block (bytes, free list)', v.minBlock),
      this.number('mmapThreshold', 'mmap threshold (bytes, free list; empty: never)', v.mmapThreshold),
      this.select('coalesce', 'Coalescing (free list)', [['immediate', 'immediate'], ['deferred', 'deferred']], v.coalesce),
      this.select('growth', 'Growth (free list)', [['sbrk', 'sbrk'], ['fixed', 'fixed']], v.growth),
      this.number('maxOrder', 'Buddy: max order', v.maxOrder), this.number('minOrder', 'Buddy: min order', v.minOrder),
      this.number('pageLimit', 'Slab: page limit', v.pageLimit),
      this.select('classes', 'Slab: size classes', [['pow2', 'powers of two'], ['quarter', 'quarter steps'], ['none', 'none (caches only)']], v.classes),
      this.textArea('caches', 'Slab: caches, one a line: name size [pages] (empty: the kernel\'s)', v.caches),
      this.number('chunkSize', 'Arena: chunk size', v.chunkSize),
      this.select('source', 'Stream', [['peaks', 'pattern: peaks'], ['ramp', 'pattern: ramp'], ['plateau', 'pattern: plateau'], ['fair', 'fair adversary'], ['adaptive', 'adaptive adversary'], ['script', 'lecture script'], ['ostep', 'OSTEP op list']], v.source),
      this.number('count', 'Requests', v.count), this.number('minSize', 'Smallest size', v.minSize), this.number('maxSize', 'Largest size', v.maxSize),
      this.number('budget', 'Adversary budget (live bytes)', v.budget),
      this.select('script', 'Lecture script', LECTURE_SCRIPTS.map((s) => [s.name, s.name]), v.script),
      this.text('ops', 'OSTEP ops (+10,-0,…)', v.ops, 2000), this.number('seed', 'Seed', v.seed),
      this.select('clock', 'Clock', [['none', 'none'], ['request', 'per request'], ['round', 'whole round']], v.clock),
      this.number('seconds', 'Seconds (per request or round)', v.seconds),
      this.select('fallback', 'Fallback policy', [['', 'the kind\'s default'], ...this.fallbacks(v.kind)], v.fallback),
      this.checkbox('hints', 'Show hints', v.hints),
    );
    form.querySelector<HTMLSelectElement>('select[name=kind]')?.addEventListener('change', (event) => {
      const fallback = form.querySelector<HTMLSelectElement>('select[name=fallback]');
      const kind = (event.target as HTMLSelectElement).value as RegisteredKind;
      fallback?.replaceChildren(...[['', 'the kind\'s default'], ...this.fallbacks(kind)].map(([value, text]) => this.option(value ?? '', text ?? '')));
    });
    const preview = el('div', { marginTop: '12px' });
    preview.setAttribute('aria-live', 'polite');
    preview.className = 'round-preview';
    const status = this.statusLine();
    const actions = actionRow(
      button('Preview', () => this.preview(form, preview)),
      button('Save and choose', () => void this.saveFrom(form, preview), true),
      button('Back to the list', () => this.showList('')),
    );
    const intro = note ? [el('p', { color: COLOURS.dim, margin: '0 0 10px' }, note)] : [];
    this.box.append(this.heading(title), ...intro, form, actions, status, preview);
    // The list it replaced held the focus: the keyboard goes on in the editor (Esc still closes it).
    form.querySelector<HTMLInputElement>('input')?.focus();
  }

  private fallbacks(kind: RegisteredKind): [string, string][] {
    return policiesFor(kind).map((p) => [p.name, p.label]);
  }

  private text(name: string, label: string, value: string, maxLength: number): HTMLLabelElement {
    const input = el('input');
    input.name = name;
    input.value = value;
    input.maxLength = maxLength;
    return labelled(label, input);
  }

  private number(name: string, label: string, value: number | null): HTMLLabelElement {
    const input = el('input');
    input.type = 'number';
    input.name = name;
    input.value = value === null ? '' : String(value);
    return labelled(label, input);
  }

  private textArea(name: string, label: string, value: string): HTMLLabelElement {
    const area = el('textarea');
    area.name = name;
    area.value = value;
    area.rows = 3;
    area.maxLength = 2000;
    return labelled(label, area);
  }

  private option(value: string, text: string): HTMLOptionElement {
    const o = el('option', {}, text);
    o.value = value;
    return o;
  }

  private select(name: string, label: string, options: readonly (readonly [string, string])[], value: string): HTMLLabelElement {
    const select = el('select');
    select.name = name;
    select.append(...options.map(([v, t]) => this.option(v, t)));
    select.value = value;
    return labelled(label, select);
  }

  private checkbox(name: string, label: string, checked: boolean): HTMLLabelElement {
    const input = el('input');
    input.type = 'checkbox';
    input.name = name;
    input.checked = checked;
    const l = el('label', { display: 'flex', alignItems: 'center', gap: '8px', fontSize: htmlPx(14), color: COLOURS.dim });
    l.append(input, document.createTextNode(label));
    return l;
  }

  /** The form's fields as the editor's values (a number field left empty reads as 0, which the engine refuses in its words). */
  private read(form: HTMLFormElement): EditorValues {
    const get = (name: string): string => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null)?.value ?? '';
    const num = (name: string): number => Number(get(name));
    const hints = (form.elements.namedItem('hints') as HTMLInputElement | null)?.checked ?? false;
    this.values = {
      title: get('title'), description: get('description'), kind: get('kind') as EditorValues['kind'], heapLimit: num('heapLimit'), align: num('align'),
      header: num('header'), footer: num('footer'), minBlock: num('minBlock'), mmapThreshold: get('mmapThreshold').trim() === '' ? null : num('mmapThreshold'),
      coalesce: get('coalesce') as EditorValues['coalesce'], growth: get('growth') as EditorValues['growth'], maxOrder: num('maxOrder'), minOrder: num('minOrder'), pageLimit: num('pageLimit'),
      caches: get('caches'), classes: get('classes') as EditorValues['classes'],
      chunkSize: num('chunkSize'), source: get('source') as EditorValues['source'], count: num('count'), minSize: num('minSize'), maxSize: num('maxSize'),
      budget: num('budget'), script: get('script'), ops: get('ops'), seed: num('seed'), clock: get('clock') as EditorValues['clock'], seconds: num('seconds'),
      hints, fallback: get('fallback'),
    };
    return this.values;
  }

  /** Previews the form's round in the browser; false (with the engine's words shown) when it is refused. */
  private preview(form: HTMLFormElement, into: HTMLElement): boolean {
    const result = previewRound(editorSettings(this.read(form)));
    if (!result.ok) {
      const refusal = el('p', { color: COLOURS.bad, margin: '0' }, `${result.message} (${result.code})`);
      refusal.setAttribute('role', 'alert');
      into.replaceChildren(refusal);
      return false;
    }
    into.replaceChildren(...this.previewParts(result.value));
    return true;
  }

  private previewParts(p: RoundPreview): HTMLElement[] {
    const summary = el('p', { margin: '0 0 6px' }, `${p.requests} requests · peak live ${p.peakLive} bytes · ${lengthWords(p.length)}`);
    summary.className = 'preview-summary';
    const caption = el('p', { margin: '0', color: COLOURS.dim, fontSize: htmlPx(14) }, 'Request sizes over time (bars) and the bytes live (line):');
    const table = el('table', { borderCollapse: 'collapse', marginTop: '8px', fontSize: htmlPx(15) });
    table.className = 'preview-policies';
    const head = el('tr');
    head.append(...['Policy', 'Score', 'Utilization', 'Failures'].map((t) => el('th', { textAlign: 'left', padding: '2px 12px 2px 0', color: COLOURS.dim }, t)));
    table.append(head);
    for (const policy of p.policies) {
      const row = el('tr');
      const best = policy.name === p.best ? ' (best)' : '';
      row.append(...[`${policy.label}${best}`, String(policy.score), `${Math.round(policy.utilization * 100)}%`, String(policy.failures)].map((t) => el('td', { padding: '2px 12px 2px 0' }, t)));
      table.append(row);
    }
    return [summary, caption, this.sizesChart(p), table];
  }

  /** The sizes over time as an SVG: one bar per request, and the live bytes as a line on their own scale. */
  private sizesChart(p: RoundPreview): HTMLElement {
    const w = 700;
    const h = 120;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `sizes of ${p.sizes.length} requests, from ${Math.min(...p.sizes.map((s) => s.size))} to ${Math.max(...p.sizes.map((s) => s.size))} bytes`);
    Object.assign(svg.style, { width: '100%', height: '120px', background: COLOURS.panel, display: 'block' });
    const maxSize = Math.max(1, ...p.sizes.map((s) => s.size));
    const maxLive = Math.max(1, ...p.sizes.map((s) => s.liveBytes));
    const step = w / Math.max(1, p.sizes.length);
    const points: string[] = [];
    p.sizes.forEach((s, i) => {
      const bar = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      const bh = (s.size / maxSize) * (h - 10);
      bar.setAttribute('x', String(i * step));
      bar.setAttribute('y', String(h - bh));
      bar.setAttribute('width', String(Math.max(1, step - 1)));
      bar.setAttribute('height', String(bh));
      bar.setAttribute('fill', COLOURS.bar);
      svg.append(bar);
      points.push(`${i * step + step / 2},${h - (s.liveBytes / maxLive) * (h - 10)}`);
    });
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('points', points.join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', COLOURS.accent);
    line.setAttribute('stroke-width', '2');
    svg.append(line);
    const wrap = el('div');
    wrap.append(svg);
    return wrap;
  }

  /** Saves the form's round to the class (after a preview that passes) and chooses it. */
  private async saveFrom(form: HTMLFormElement, preview: HTMLElement): Promise<void> {
    if (!this.preview(form, preview)) return;
    try {
      const saved = await this.deps.save(editorSettings(this.values));
      this.rounds = [...this.rounds, saved];
      this.close();
      this.deps.pick(saved);
    } catch (error) {
      this.say(`Not saved: ${describeError(error)}`);
    }
  }
}
