// Lesson plans and homework from the host dashboard, in a real browser, without curl
// (issue 14, items 4 and 13): the host makes a plan of two rounds in the Lesson plans
// dialog (ordering them with the keyboard; a plan without a title is refused before it is
// sent), exports it as a file, imports the file back (and a file naming a round the class
// lacks, refused in the server's words), runs the plan (its first round starts from the
// round choice, then "Next round in plan" starts the second), and makes it homework with a
// deadline; the copied link opens the student's assignment page. axe-core audits the
// dialog; the dashboard's buttons fit at laptop, projector and phone sizes.

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactPath, overlappingTexts, textsOffScreen, type TextBox } from './support.ts';
import { press, until, untilLaidOut, useServerAndPeople, type Published } from './scene-support.ts';
import { expectNoSeriousViolations, tabTo } from './a11y-support.ts';

const people = useServerAndPeople();

interface Probe { x: number; y: number; label: string; enabled: boolean; fits: boolean }

interface HostView extends Published {
  code: string;
  connected: boolean;
  phase: string;
  roundNo: number;
  roundTitle: string;
  playingTitle: string;
  plansOpen: boolean;
  pickerOpen: boolean;
  planRun: { title: string; at: number; rounds: string[] } | null;
  status: string;
  tab: string;
  texts?: TextBox[];
  buttons?: Record<string, Probe>;
}

const LAPTOP = { width: 1366, height: 768 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

const BUDDY = 'Buddy: four peaks';
const WARM_UP = 'Warm-up: the buddy walk-through';

const dialog = (host: Page) => host.locator('.mallocade-plans-dialog [role=dialog]');
const planEntries = (host: Page) => dialog(host).locator('li[data-plan-id]');
const chosenRounds = (host: Page) => dialog(host).locator('ol.plan-rounds li').allInnerTexts();

/** The dashboard laid out for the page's size: a screenshot, no text over another or off screen, every button's label inside it. */
async function checkDashboard(host: Page, name: string): Promise<HostView> {
  const v = await untilLaidOut<HostView>(host, 'HostScene');
  const { width, height } = host.viewportSize() ?? { width: 0, height: 0 };
  await host.screenshot({ path: artifactPath(`plans-${name}.png`) });
  const texts = v.texts ?? [];
  expect(overlappingTexts(texts), `${name}: overlapping texts`).toEqual([]);
  expect(textsOffScreen(texts, width, height), `${name}: texts off screen`).toEqual([]);
  const clipped = Object.entries(v.buttons ?? {}).filter(([, b]) => !b.fits).map(([n, b]) => `${n}: "${b.label}"`);
  expect(clipped, `${name}: button labels wider than their buttons`).toEqual([]);
  return v;
}

async function openHost(viewport: { width: number; height: number }): Promise<{ host: Page; code: string }> {
  const host = await people.person(viewport, (context) => context.grantPermissions(['clipboard-read', 'clipboard-write']));
  await host.goto(people.server.url);
  await until(host, 'TitleScene');
  await host.keyboard.press('3');
  const { code } = await until<HostView>(host, 'HostScene', (v) => v.connected && v.code !== '');
  return { host, code };
}

describe('lesson plans and homework in the dashboard', () => {
  it('makes a plan of two rounds, exports it, imports it back, runs it round by round, and makes it homework whose link opens the assignment page', async () => {
    const { host } = await openHost(LAPTOP);
    const first = await checkDashboard(host, 'dashboard-1366');
    expect(first.buttons?.lessonPlans?.label).toBe('Lesson plans…');
    expect(first.buttons?.chooseRound?.label).toBe('Choose or make a round…');

    // The dialog, opened from the dashboard; no plan yet.
    await press(host, 'HostScene', 'lessonPlans');
    await until<HostView>(host, 'HostScene', (v) => v.plansOpen);
    await expect.poll(() => dialog(host).innerText()).toContain('This class has no lesson plan yet.');
    await expectNoSeriousViolations(host, 'lesson plans dialog');

    // A new plan: two built-in rounds added, the second moved up with the keyboard.
    await dialog(host).getByRole('button', { name: 'New plan…' }).click();
    await expect.poll(() => dialog(host).locator('li[data-round-id]').count(), { timeout: 45_000 }).toBeGreaterThan(20);
    await dialog(host).getByRole('button', { name: `Add ${WARM_UP}` }).click();
    await dialog(host).getByLabel('Search rounds').fill('four peaks');
    await expect.poll(() => dialog(host).locator('li[data-round-id]').count()).toBe(1);
    await dialog(host).getByRole('button', { name: `Add ${BUDDY}` }).click();
    expect(await chosenRounds(host)).toEqual([expect.stringContaining(WARM_UP), expect.stringContaining(BUDDY)]);
    await dialog(host).getByRole('button', { name: `Move ${BUDDY} (round 2) up` }).focus();
    await host.keyboard.press('Enter');
    await expect.poll(() => chosenRounds(host)).toEqual([expect.stringContaining(BUDDY), expect.stringContaining(WARM_UP)]);
    // The focus stayed with the round that moved (now round 1).
    expect(await host.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move ${BUDDY} (round 1) up`);
    await expectNoSeriousViolations(host, 'lesson plan editor');
    // Without a title it is not sent, and the dialog says why.
    await dialog(host).getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => dialog(host).getByRole('alert').innerText()).toBe('Give the plan a title.');
    await dialog(host).getByLabel('Title').fill('Week 3');
    await host.screenshot({ path: artifactPath('plans-editor-1366.png') });
    await dialog(host).getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => planEntries(host).count()).toBe(1);
    expect(await planEntries(host).first().locator('ol li').allInnerTexts()).toEqual([BUDDY, WARM_UP]);
    await expect.poll(() => dialog(host).getByRole('status').innerText()).toBe('Saved “Week 3”.');

    // Export: a JSON file with the rounds in order.
    const [download] = await Promise.all([host.waitForEvent('download'), dialog(host).getByRole('button', { name: 'Export Week 3 as a file' }).click()]);
    expect(download.suggestedFilename()).toBe('Week-3.json');
    const filePath = artifactPath('plans-export.json');
    await download.saveAs(filePath);
    const exported = JSON.parse(await readFile(filePath, 'utf8')) as { format: string; title: string; rounds: { round: string }[] };
    expect(exported).toMatchObject({ format: 'mallocade-lesson-plan', title: 'Week 3', rounds: [{ round: 'buddy-peaks' }, { round: 'warm-up' }] });

    // Import it back through the file input: a second plan, the same rounds.
    await dialog(host).getByLabel('Import a plan file').setInputFiles(filePath);
    await expect.poll(() => planEntries(host).count()).toBe(2);
    expect(await planEntries(host).nth(1).locator('ol li').allInnerTexts()).toEqual([BUDDY, WARM_UP]);
    await expect.poll(() => dialog(host).getByRole('status').innerText()).toBe('Imported “Week 3” (2 rounds).');
    // A plan naming a round this class does not have: the server refuses it, in its words, and nothing is added.
    await dialog(host).getByLabel('Import a plan file').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ title: 'Other', rounds: [{ round: 'h-000000000000' }] })) });
    await expect.poll(() => dialog(host).getByRole('alert').innerText()).toMatch(/^Not imported: round 1: /);
    expect(await planEntries(host).count()).toBe(2);
    await host.screenshot({ path: artifactPath('plans-dialog-1366.png') });

    // Run the plan: its first round is queued in the round choice, Start starts it.
    await planEntries(host).first().getByRole('button', { name: 'Run Week 3: queue its rounds' }).click();
    await until<HostView>(host, 'HostScene', (v) => !v.plansOpen && v.roundTitle === `Week 3 · 1 of 2: ${BUDDY}` && v.buttons?.start?.label === 'Start');
    await checkDashboard(host, 'plan-queued-1366');
    await press(host, 'HostScene', 'start');
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing' && v.roundNo === 1 && v.playingTitle === BUDDY);
    // The round ends (End, then Sure? End): the plan's next round is queued, and Start says so.
    await press(host, 'HostScene', 'end');
    await until<HostView>(host, 'HostScene', (v) => v.buttons?.end?.label === 'Sure? End');
    await press(host, 'HostScene', 'end');
    const next = await until<HostView>(host, 'HostScene', (v) => v.phase === 'results' && v.buttons?.start?.label === 'Next round in plan');
    expect(next.roundTitle).toBe(`Week 3 · 2 of 2: ${WARM_UP}`);
    expect(next.status).toBe(`Round 1 is over. Next in the plan: “${WARM_UP}”.`);
    await checkDashboard(host, 'plan-next-1366');
    await press(host, 'HostScene', 'start');
    await until<HostView>(host, 'HostScene', (v) => v.phase === 'playing' && v.roundNo === 2 && v.playingTitle === WARM_UP);

    // Homework: the plan with a deadline; the link shown, copied, and listed with its deadline.
    await press(host, 'HostScene', 'lessonPlans');
    await expect.poll(() => planEntries(host).count()).toBe(2);
    await planEntries(host).first().getByRole('button', { name: 'Homework… for Week 3' }).click();
    const deadline = dialog(host).getByLabel('Deadline (your local time)');
    await deadline.fill('2020-01-01T09:00');
    await dialog(host).getByRole('button', { name: 'Make homework' }).click();
    await expect.poll(() => dialog(host).getByRole('alert').innerText()).toBe('The deadline has already passed; choose a later one.');
    await deadline.fill('2099-06-30T23:59');
    await dialog(host).getByRole('button', { name: 'Make homework' }).click();
    const linkField = dialog(host).locator('input[name=assignment-link]');
    await expect.poll(() => linkField.count()).toBe(1);
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/\?assignment=a-[0-9a-f]+$/);
    await expectNoSeriousViolations(host, 'homework made');
    await tabTo(host, (f) => f.tag === 'BUTTON' && f.text === 'Copy link', 'the copy button');
    await host.keyboard.press('Enter');
    await expect.poll(() => dialog(host).getByRole('status').innerText()).toBe('Link copied: paste it where your students will find it.');
    expect(await host.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await host.screenshot({ path: artifactPath('plans-homework-1366.png') });
    await dialog(host).getByRole('button', { name: 'Back to the plans' }).click();
    const listed = dialog(host).locator('li[data-assignment-id]');
    await expect.poll(() => listed.count()).toBe(1);
    expect(await listed.first().innerText()).toMatch(/Week 3\s+Due .*2099/);
    expect(await listed.first().locator('input[name=assignment-link]').inputValue()).toBe(link);
    // Esc closes the dialog and gives the dashboard back.
    await host.keyboard.press('Escape');
    await until<HostView>(host, 'HostScene', (v) => !v.plansOpen);

    // The link opens the student's assignment page, its two rounds in the plan's order.
    const student = await people.person(PHONE);
    await student.goto(link);
    await until(student, 'AssignmentScene');
    await expect.poll(() => student.locator('button[name^=round-]').allInnerTexts(), { timeout: 45_000 }).toEqual([expect.stringContaining(BUDDY), expect.stringContaining(WARM_UP)]);
    await student.screenshot({ path: artifactPath('plans-assignment-phone.png') });
  });

  it('fits the dashboard\'s round choice with Lesson plans… on a projector and on a phone, a plan queued', async () => {
    const { host } = await openHost(PROJECTOR);
    await checkDashboard(host, 'dashboard-1920');
    await host.setViewportSize(PHONE);
    await press(host, 'HostScene', 'tab-round');
    const phone = await checkDashboard(host, 'dashboard-phone');
    expect(phone.tab).toBe('round');
    expect(phone.buttons?.lessonPlans?.enabled).toBe(true);
    await press(host, 'HostScene', 'lessonPlans');
    await dialog(host).getByRole('button', { name: 'New plan…' }).click();
    await expect.poll(() => dialog(host).locator('li[data-round-id]').count(), { timeout: 45_000 }).toBeGreaterThan(20);
    await dialog(host).getByRole('button', { name: `Add ${BUDDY}` }).click();
    await dialog(host).getByLabel('Title').fill('A plan with a rather long title for a phone');
    await dialog(host).getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => planEntries(host).count()).toBe(1);
    await host.screenshot({ path: artifactPath('plans-dialog-phone.png') });
    await planEntries(host).first().getByRole('button', { name: /^Run / }).click();
    await until<HostView>(host, 'HostScene', (v) => v.planRun !== null && !v.plansOpen);
    const queued = await checkDashboard(host, 'plan-queued-phone');
    // The click on Run pressed nothing of the dashboard under the dialog (Start lies under it on a phone).
    expect([queued.phase, queued.pickerOpen, queued.buttons?.start?.label]).toEqual(['lobby', false, 'Start']);
  });
});
