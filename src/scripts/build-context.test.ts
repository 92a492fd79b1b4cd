import { describe, expect, it } from 'vitest';
import { buildContext } from './build-context.js';
import { baseInput, customer, manager } from './test-fixtures.js';

describe('buildContext', () => {
  it('reads the customer, the store and the history as of the date', () => {
    expect(buildContext(baseInput)).toEqual({
      customerName: { 'zh-CN': '张先生', en: '张伟' },
      advisorName: '李娜',
      staffName: '李娜',
      storeName: '星途浦东服务中心',
      vehicleModel: 'ET5',
      daysSinceLastVisit: 105,
      mileage: { 'zh-CN': '24,310公里', en: '24,310 km' },
      maintenanceDue: { 'zh-CN': '6月20日', en: '20 Jun' },
      maintenanceItem: { 'zh-CN': '40,000公里保养', en: '40,000 km service' },
      lastVisitDate: { 'zh-CN': '3月2日', en: '2 Mar' },
      lastVisitKind: { 'zh-CN': '保养', en: 'maintenance' },
      lastVisitItems: { 'zh-CN': '更换空调滤芯、四轮定位', en: '更换空调滤芯, 四轮定位' },
      offer: undefined,
      offerDeadline: undefined,
      slot: undefined,
      personalNote: '周末方便，喜欢喝美式',
      changeMade: undefined,
      complaintTopic: '交车时间延误',
      link: undefined,
      years: 2,
    });
  });

  it('a manager calling, an explicit gender and the year of a date from another year', () => {
    const ctx = buildContext({ ...baseInput, asOf: '2025-01-10', caller: manager, gender: 'female', offer: { text: '¥200代金券', deadline: '2025-01-31' } });
    expect(ctx.staffName).toBe('王强');
    expect(ctx.advisorName).toBe('李娜');
    expect(ctx.customerName).toEqual({ 'zh-CN': '张女士', en: '张伟' });
    expect(ctx.lastVisitDate).toEqual({ 'zh-CN': '2024年3月2日', en: '2 Mar 2024' });
    expect(ctx.offerDeadline).toEqual({ 'zh-CN': '1月31日', en: '31 Jan' });
  });

  it('leaves absent what the data cannot tell, and a closed complaint is no topic', () => {
    const closed = { id: 'x', customerId: 'c1', at: '2024-06-02', type: 'complaint_closed' as const, complaintId: 'k1' };
    const ctx = buildContext({ asOf: '2024-06-15', customer: { ...customer, extra: {} }, store: baseInput.store, events: [...baseInput.events!, closed] });
    expect(ctx.customerName).toBe('张伟');
    expect(ctx.advisorName).toBeUndefined();
    expect(ctx.maintenanceItem).toBeUndefined();
    expect(ctx.maintenanceDue).toBeUndefined();
    expect(ctx.personalNote).toBeNull();
    expect(ctx.complaintTopic).toBeNull();
    expect(ctx.years).toBeUndefined();
  });

  it('fills the personal notes by topic, phone numbers in them masked', () => {
    const ctx = buildContext({
      ...baseInput,
      notes: { drink: '冰美式', family: '太太电话 139 1234 5678，白天打她', job: '中学老师', open_question: '充电桩能不能装快充', other: '周末上午方便' },
    });
    expect([ctx.preferredDrink, ctx.family, ctx.job, ctx.openQuestion, ctx.personalNote])
      .toEqual(['冰美式', '太太电话 139****5678，白天打她', '中学老师', '充电桩能不能装快充', '周末上午方便']);
  });

  it("the imported note stands in for the other topic until staff write one; a cleared topic is missing, not the import's", () => {
    expect(buildContext({ ...baseInput, notes: { drink: '茶' } }).personalNote).toBe('周末方便，喜欢喝美式');
    const cleared = buildContext({ ...baseInput, notes: { other: '', open_question: '' } });
    expect(cleared.personalNote).toBeNull();
    expect(cleared.openQuestion).toBeNull();
    // A number in the imported note is personal data all the same.
    const imported = buildContext({ ...baseInput, customer: { ...baseInput.customer, extra: { note: '紧急联系人13800001111' } } });
    expect(imported.personalNote).toBe('紧急联系人138****1111');
  });

  it('without any visit, the visit fields stay absent', () => {
    const ctx = buildContext({ ...baseInput, events: [] });
    expect([ctx.daysSinceLastVisit, ctx.lastVisitDate, ctx.lastVisitKind, ctx.lastVisitItems, ctx.mileage]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // No reading, no service history: the distance is unknown, so the item is routine maintenance.
    expect(ctx.maintenanceItem).toEqual({ 'zh-CN': '常规保养', en: 'routine maintenance' });
  });
});
