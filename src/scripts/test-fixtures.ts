import { customerSchema, eventSchema, storeSchema, vehicleSchema, type Customer, type Staff } from '../domain/records.js';
import { buildContext, type ContextInput } from './build-context.js';
import type { ScriptContext } from './render.js';

/** A sample customer of a sample store, as of 2024-06-15 (validated like imported records). */
export const store = storeSchema.parse({ id: 's1', name: '星途浦东服务中心' });
export const advisor: Staff = { id: 'sa1', storeId: 's1', name: '李娜', role: 'advisor' };
export const manager: Staff = { id: 'sm1', storeId: 's1', name: '王强', role: 'service_manager' };
// customerSchema strips unknown keys; the importer keeps them under `extra`, as here.
export const customer: Customer = {
  ...customerSchema.parse({ id: 'c1', storeId: 's1', name: '张伟', advisorId: 'sa1', since: '2022-05-20' }),
  extra: { gender: '男', notes: '周末方便，喜欢喝美式' },
};

export const vehicles = [
  vehicleSchema.parse({ vin: 'V1', customerId: 'c1', model: 'ET5', deliveredAt: '2022-05-20', maintenanceIntervalMonths: 12, maintenanceIntervalKm: 20000 }),
];

export const events = [
  { id: 'e1', customerId: 'c1', at: '2023-09-10T10:00:00+08:00', type: 'visit', visitId: 'v1', kind: 'repair', amount: 300, items: ['更换雨刮'], mileage: 12000 },
  { id: 'e2', customerId: 'c1', at: '2024-03-02T14:30:00+08:00', type: 'visit', visitId: 'v2', kind: 'maintenance', amount: 680, items: ['更换空调滤芯', '四轮定位'], mileage: 20000 },
  { id: 'e3', customerId: 'c1', at: '2024-05-30', type: 'mileage', km: 24310 },
  { id: 'e4', customerId: 'c1', at: '2024-06-01T09:00:00+08:00', type: 'complaint_opened', complaintId: 'k1', topic: '交车时间延误' },
  // After asOf: ignored.
  { id: 'e5', customerId: 'c1', at: '2024-07-01', type: 'mileage', km: 26000 },
].map((e) => eventSchema.parse(e));

export const baseInput: ContextInput = { asOf: '2024-06-15', customer, store, advisor, vehicles, events, maintenanceDue: '2024-06-20' };

/** Every field filled: what a manager's call with an offer and a booked slot has to hand. */
export function fullContext(): ScriptContext {
  return buildContext({
    ...baseInput,
    caller: manager,
    offer: { text: { 'zh-CN': '工时费8折', en: '20% off labour' }, deadline: '2024-06-30' },
    slot: { 'zh-CN': '6月22日（周六）上午10:00', en: 'Sat 22 June, 10:00' },
    changeMade: { 'zh-CN': '交车前增加一次质检并短信通知', en: 'a second quality check and a text before hand-over' },
    link: 'https://s.example.cn/r/8Kq2',
    notes: { drink: '冰美式', family: '女儿今年高考', job: '中学老师', open_question: '家里充电桩能不能装快充', other: '周末上午方便接电话' },
    moment: {
      holidayNameZh: '中秋节', holidayNameEn: 'Mid-Autumn Festival', milestoneKm: 50000, warrantyEnd: '2024-08-10',
      updateTitle: '电池管理 5.2', noticeTitle: '台风"海葵"橙色预警',
    },
  });
}
