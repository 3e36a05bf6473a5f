// The host's lesson plans and homework over HTTP (server/classroom/api.ts; docs/PROTOCOL.md):
// list and save (or import) a class's plans, export one as a file the browser downloads,
// make a plan homework with a deadline and list the class's assignments with their links.
// Every call carries the host key; a refusal is thrown as "code: message" in the server's words.

import type { ListedPlan } from '../../../server/classroom/lesson-plans.ts';
import type { AssignmentInfo } from '../../../server/classroom/assignments.ts';
import { classPath, refusalError, requestJson, saveFile } from './connection.ts';
import { httpOrigin } from './origin.ts';

export type { ListedPlan };

/** An assignment as the host's list gives it: what its page shows, and the link students open. */
export type HostAssignment = AssignmentInfo & { readonly link: string };

function hostKeyHeader(hostKey: string): Record<string, string> {
  return { 'x-host-key': hostKey };
}

/** The class's lesson plans, oldest first, each with its rounds in order. */
export async function listPlans(code: string, hostKey: string): Promise<ListedPlan[]> {
  return (await requestJson<{ plans: ListedPlan[] }>('GET', classPath(code, 'plans'), hostKeyHeader(hostKey))).plans;
}

/** Saves a plan to the class: one made in the dashboard, or a plan file imported (its settings become the class's own rounds). */
export async function savePlan(code: string, hostKey: string, plan: unknown): Promise<ListedPlan> {
  return requestJson<ListedPlan>('POST', classPath(code, 'plans'), hostKeyHeader(hostKey), plan);
}

/** The file name the server gave a download (Content-Disposition), else `fallback`. */
function fileNameOf(res: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback;
}

/** Downloads a plan as the JSON file another class imports. */
export async function exportPlan(code: string, hostKey: string, planId: string): Promise<void> {
  const res = await fetch(`${httpOrigin()}${classPath(code, `plans/${encodeURIComponent(planId)}`)}`, { headers: hostKeyHeader(hostKey) });
  if (!res.ok) throw await refusalError(res);
  saveFile(await res.blob(), fileNameOf(res, 'lesson-plan.json'));
}

/** The class's assignments, oldest first, with their links. */
export async function listAssignments(code: string, hostKey: string): Promise<HostAssignment[]> {
  return (await requestJson<{ assignments: HostAssignment[] }>('GET', classPath(code, 'assignments'), hostKeyHeader(hostKey))).assignments;
}

/** Makes one of the class's plans homework, due at `deadline` (wall milliseconds). */
export async function makeAssignment(code: string, hostKey: string, planId: string, deadline: number): Promise<HostAssignment> {
  return requestJson<HostAssignment>('POST', classPath(code, 'assignments'), hostKeyHeader(hostKey), { planId, deadline });
}
