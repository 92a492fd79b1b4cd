/**
 * The id prefix of the contact events a task's recorded outcome appends to the log (a call or a
 * WeChat done through the task). Readers that count the task itself — the call-event reaction,
 * a campaign's attempts — skip these so that one contact is not counted twice.
 */
export const TASK_EVENT_PREFIX = 'retain-task-';

export function isTaskEventId(id: string): boolean {
  return id.startsWith(TASK_EVENT_PREFIX);
}
