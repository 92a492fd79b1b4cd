import type { Staff, Store } from '../domain/records.js';
import { DEMO_TIME_ZONE } from './calendar.js';
import { personName } from './names.js';
import { Rand, Stream } from './rng.js';

/**
 * The store catalogue, ordered so that the first n stores spread over regions (2 stores →
 * Shanghai and Beijing, 4 → one per big region). More stores than the catalogue holds get
 * second, third… sites in the same cities.
 */
const SITES: readonly { code: string; name: string; region: string }[] = [
  { code: 'sh', name: '上海浦东服务中心', region: 'east' },
  { code: 'bj', name: '北京朝阳服务中心', region: 'north' },
  { code: 'gz', name: '广州天河服务中心', region: 'south' },
  { code: 'cd', name: '成都高新服务中心', region: 'west' },
  { code: 'hz', name: '杭州滨江服务中心', region: 'east' },
  { code: 'sz', name: '深圳南山服务中心', region: 'south' },
  { code: 'tj', name: '天津滨海服务中心', region: 'north' },
  { code: 'wh', name: '武汉光谷服务中心', region: 'central' },
  { code: 'nj', name: '南京江宁服务中心', region: 'east' },
  { code: 'cq', name: '重庆渝北服务中心', region: 'west' },
  { code: 'xa', name: '西安高新服务中心', region: 'west' },
  { code: 'cs', name: '长沙岳麓服务中心', region: 'central' },
];

const ORDINALS = ['', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function demoStores(count: number): Store[] {
  const stores: Store[] = [];
  for (let i = 0; i < count; i++) {
    const site = SITES[i % SITES.length]!;
    const round = Math.floor(i / SITES.length);
    const suffix = round === 0 ? '' : `（${ORDINALS[round] ?? String(round + 1)}店）`;
    stores.push({
      id: `${site.code}-${String(round + 1).padStart(2, '0')}`,
      name: site.name + suffix,
      region: site.region,
      timeZone: DEMO_TIME_ZONE,
    });
  }
  return stores;
}

/** Advisors per store: the brief's 6 SAs share the store's customers. */
export const ADVISORS_PER_STORE = 6;

export function advisorId(storeId: string, n: number): string {
  return `${storeId}-sa${n + 1}`;
}

/** The store's staff roles used when events name who acted (calls, abandonment). */
export const staffIds = {
  serviceManager: (storeId: string) => `${storeId}-sm`,
  storeManager: (storeId: string) => `${storeId}-mgr`,
  retentionSpecialist: (storeId: string) => `${storeId}-rs`,
};

/**
 * Per store: 6 advisors, a service manager, a store manager and a retention specialist;
 * one general manager per region (attached to the region's first store) and one admin.
 * Names are seeded per store so adding stores never renames the staff of existing ones.
 */
export function demoStaff(stores: readonly Store[], seed: number): Staff[] {
  const staff: Staff[] = [];
  const regionsSeen = new Set<string>();
  stores.forEach((store, i) => {
    const rand = new Rand(seed, Stream.store, i);
    const name = () => personName(rand).name;
    for (let n = 0; n < ADVISORS_PER_STORE; n++) {
      staff.push({ id: advisorId(store.id, n), storeId: store.id, name: name(), role: 'advisor' });
    }
    staff.push({ id: staffIds.serviceManager(store.id), storeId: store.id, name: name(), role: 'service_manager' });
    staff.push({ id: staffIds.storeManager(store.id), storeId: store.id, name: name(), role: 'store_manager' });
    staff.push({ id: staffIds.retentionSpecialist(store.id), storeId: store.id, name: name(), role: 'retention_specialist' });
    if (!regionsSeen.has(store.region)) {
      regionsSeen.add(store.region);
      staff.push({ id: `gm-${store.region}`, storeId: store.id, name: name(), role: 'general_manager' });
    }
  });
  const first = stores[0];
  if (first) {
    const rand = new Rand(seed, Stream.store, -1);
    staff.push({ id: 'admin', storeId: first.id, name: personName(rand).name, role: 'admin' });
  }
  return staff;
}
