import type { Rand } from './rng.js';
import type { VisitLog } from './context.js';

type Kind = VisitLog['kind'];

/**
 * What an unscheduled visit is. Most are a free wash or a free check (EV owners get them
 * for life at most brand centers, and they are why healthy customers come every few weeks);
 * repairs, paid extras, inspections and warranty work make up the rest.
 */
export function unscheduledKind(rand: Rand, underWarranty: boolean): Kind {
  return rand.weighted<Kind>([
    ['free', 74],
    ['repair', 9],
    ['inspection', 6],
    ['warranty', underWarranty ? 5 : 0],
    ['other', 6],
  ]);
}

const BASIC_MAINTENANCE = ['空调滤芯更换', '制动液检测', '轮胎换位', '底盘检查', '冷却液检测', '高压电池健康检测', '灯光检查'];
const MAINTENANCE_EXTRAS: readonly (readonly [string, number])[] = [
  ['空调系统清洗', 298], ['四轮定位', 300], ['制动液更换', 380], ['雨刮片更换', 180], ['玻璃水添加', 30],
];
const REPAIRS: readonly (readonly [string, number, number])[] = [
  ['钣金喷漆', 1500, 6500], ['前挡风玻璃更换', 2200, 3800], ['轮胎更换', 800, 1900], ['悬架异响维修', 500, 1500],
  ['12V蓄电池更换', 550, 900], ['空调压缩机维修', 1800, 3200], ['车门把手维修', 400, 900], ['充电口故障维修', 600, 1400],
  ['前保险杠修复', 900, 2600], ['后视镜更换', 700, 1800],
];
const WARRANTY = ['质保维修-电机控制器', '质保维修-中控屏', '质保维修-车窗电机', '质保维修-充电口', 'OTA问题排查', '召回-软件升级', '质保维修-空调系统'];
const INSPECTIONS = ['年度安全检测', '电池包检测', '长途出行前检查', '底盘及制动系统检测'];
const FREE: readonly (readonly string[])[] = [
  ['免费洗车'], ['免费洗车'], ['免费洗车', '胎压检查'], ['免费检测'], ['空调免费检测'], ['雨季底盘检查'], ['免费洗车', '玻璃水添加'],
];
const OTHER: readonly (readonly [string, number, number])[] = [
  ['贴膜', 2800, 6000], ['家用充电桩安装', 1500, 2600], ['内饰精洗', 298, 498], ['轮毂修复', 500, 900], ['脚垫', 380, 680],
];

/** Products an advisor recommends at a maintenance visit, with their price when taken. */
export const RECOMMENDATIONS: readonly (readonly [string, number])[] = [
  ['延长质保', 3980], ['会员卡', 1200], ['轮胎更换', 2400], ['漆面镀晶', 1880], ['电池深度检测套餐', 399],
  ['隐形车衣', 5800], ['空调滤芯升级(PM2.5)', 260], ['雨刮片更换', 180],
];

export interface VisitContent {
  items: string[];
  amount: number;
  basicOnly: boolean;
}

function round10(x: number): number {
  return Math.round(x / 10) * 10;
}

/**
 * Items and the bill. `ticket` scales prices by model; `accepted` are recommendations the
 * customer took at this visit (added to the bill); `basicOnly` means the basic package and nothing else.
 */
export function visitContent(
  rand: Rand,
  kind: Kind,
  ticket: number,
  months: number,
  accepted: readonly (readonly [string, number])[],
  wantsBasicOnly: boolean,
): VisitContent {
  switch (kind) {
    case 'maintenance': {
      const items = [...new Set([rand.pick(BASIC_MAINTENANCE), rand.pick(BASIC_MAINTENANCE), rand.pick(BASIC_MAINTENANCE)])];
      // A yearly service does more than a half-yearly one.
      let amount = round10((months >= 12 ? rand.between(480, 900) : rand.between(280, 560)) * ticket);
      const basicOnly = accepted.length === 0 && wantsBasicOnly;
      if (!basicOnly && accepted.length === 0) {
        const [extra, price] = rand.pick(MAINTENANCE_EXTRAS);
        items.push(extra);
        amount += price;
      }
      for (const [item, price] of accepted) {
        items.push(item);
        amount += price;
      }
      return { items, amount, basicOnly };
    }
    case 'repair': {
      const [item, lo, hi] = rand.pick(REPAIRS);
      return { items: [item], amount: round10(rand.between(lo, hi) * ticket), basicOnly: false };
    }
    case 'warranty':
      return { items: [rand.pick(WARRANTY)], amount: 0, basicOnly: false };
    case 'inspection':
      // Half of the inspections are free campaign checks.
      return { items: [rand.pick(INSPECTIONS)], amount: rand.chance(0.5) ? 0 : round10(rand.between(150, 300)), basicOnly: false };
    case 'free':
      return { items: [...rand.pick(FREE)], amount: 0, basicOnly: false };
    case 'other': {
      const [item, lo, hi] = rand.pick(OTHER);
      return { items: [item], amount: round10(rand.between(lo, hi)), basicOnly: false };
    }
  }
}

/** Minutes from hand-over to hand-back for a normal visit of this kind. */
export function serviceMinutes(rand: Rand, kind: Kind): number {
  switch (kind) {
    case 'maintenance':
      return rand.int(60, 140);
    case 'repair':
      return rand.int(90, 330);
    case 'warranty':
      return rand.int(90, 280);
    case 'inspection':
      return rand.int(30, 90);
    case 'free':
      return rand.int(20, 50);
    case 'other':
      return rand.int(45, 240);
  }
}

/** Visits with a repair order get a `checkin` event; a wash or free check is done on the spot. */
export function hasRepairOrder(kind: Kind): boolean {
  return kind !== 'free';
}
