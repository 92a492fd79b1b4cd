/**
 * Event builders for the service-centre scenarios (data-format.md events). Ids are given by the
 * test, so a visit can be tied to its check-in and a close to its complaint.
 */
export const svc = {
  checkin: (customerId: string, at: string, visitId: string) => ({ id: `in-${visitId}`, customerId, type: 'checkin', at, visitId }),
  /** The hand-over: the visit closes (`at`), the car's mileage read (a young car's: no milestone passed). */
  visit: (customerId: string, at: string, visitId: string, o: { amount?: number; kind?: string; mileage?: number } = {}) =>
    ({ id: `out-${visitId}`, customerId, type: 'visit', at, visitId, kind: o.kind ?? 'maintenance', amount: o.amount ?? 680, mileage: o.mileage ?? 1500 }),
  /** The visit as a DMS without check-ins sends it: no visitId, no checkinAt; `id` is the event's. */
  dmsVisit: (customerId: string, at: string, id: string) => ({ id, customerId, type: 'visit', at, kind: 'maintenance', amount: 680, mileage: 1500 }),
  satisfaction: (customerId: string, at: string, score: number) => ({ id: `sat-${customerId}-${at}`, customerId, type: 'satisfaction', at, score }),
  nps: (customerId: string, at: string, score: number) => ({ id: `nps-${customerId}-${at}`, customerId, type: 'nps', at, score }),
  complaintOpened: (customerId: string, at: string, complaintId: string) => ({ id: `co-${complaintId}`, customerId, type: 'complaint_opened', at, complaintId, topic: 'paint' }),
  complaintClosed: (customerId: string, at: string, complaintId: string) => ({ id: `cc-${complaintId}`, customerId, type: 'complaint_closed', at, complaintId, topic: 'paint' }),
  cancelled: (customerId: string, at: string) => ({ id: `ac-${customerId}-${at}`, customerId, type: 'appointment_cancelled', at }),
  booked: (customerId: string, at: string) => ({ id: `ab-${customerId}-${at}`, customerId, type: 'appointment_booked', at }),
  reply: (customerId: string, at: string, text: string) => ({ id: `re-${customerId}-${at}`, customerId, type: 'reply', at, channel: 'sms', text }),
  socialPost: (customerId: string, at: string, postId: string) => ({ id: `sp-${postId}`, customerId, type: 'social_post', at, sentiment: 'negative', postId }),
  socialResolved: (customerId: string, at: string, postId: string) => ({ id: `sr-${postId}`, customerId, type: 'social_resolved', at, postId }),
  contactInvalid: (customerId: string, at: string) => ({ id: `ci-${customerId}-${at}`, customerId, type: 'contact_invalid', at, channel: 'sms' }),
  contactUpdated: (customerId: string, at: string) => ({ id: `cu-${customerId}-${at}`, customerId, type: 'contact_updated', at }),
  wechatIn: (customerId: string, at: string) => ({ id: `wx-${customerId}-${at}`, customerId, type: 'wechat', at, direction: 'in' }),
  reminder: (customerId: string, at: string) => ({ id: `mr-${customerId}-${at}`, customerId, type: 'message', at, channel: 'sms', purpose: 'maintenance_reminder' }),
  /** A staff member's call with its outcome; `extra` fields (reason, churnReason) are kept on the event. */
  call: (customerId: string, at: string, staffId: string, outcome: string, extra: Record<string, string> = {}) =>
    ({ id: `call-${customerId}-${at}`, customerId, type: 'call', at, direction: 'out', answered: outcome !== 'no_answer', staffId, outcome, ...extra }),
};
