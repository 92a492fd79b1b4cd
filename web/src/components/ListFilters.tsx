import { Button, Select, Space } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { query } from '../api';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';
import { useApi } from '../use-api';

export const FILTER_KEYS = ['storeId', 'advisorId', 'level', 'valueTier', 'lifecycle'] as const;
export type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

interface FilterOptions {
  stores: { id: string; name: string }[];
  advisors: { id: string; name: string; storeId: string }[];
}

/** The list filters, kept in the address (shareable, and the export link reads the same ones). */
export function useFilters(): { filters: Filters; setFilter: (key: keyof Filters, value: string | undefined) => void; reset: () => void; page: number; pageSize: number; setPage: (page: number, size: number) => void } {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const f: Filters = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  return {
    filters,
    page,
    pageSize,
    setFilter: (key, value) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete('page');
        return next;
      }),
    reset: () => setParams(new URLSearchParams()),
    setPage: (nextPage, size) =>
      setParams((p) => {
        const next = new URLSearchParams(p);
        next.set('page', String(nextPage));
        next.set('pageSize', String(size));
        return next;
      }),
  };
}

export const filterQuery = (filters: Filters, extra: Record<string, string | number | undefined> = {}) => query({ ...filters, ...extra });

const LEVELS = ['red', 'orange', 'yellow', 'green'];
const VALUE_TIERS = ['high', 'mid', 'basic'];
const LIFECYCLES = ['active', 'lost', 'dormant', 'observation', 'abandoned', 'sold_or_moved'];

/** `peopleOnly`: just store and advisor, for the reports that count warnings rather than list customers. */
export function ListFilters({ levels = LEVELS, peopleOnly = false }: { levels?: string[]; peopleOnly?: boolean }) {
  const { t } = useI18n();
  const { filters, setFilter, reset } = useFilters();
  const options = useApi<FilterOptions>('/filter-options');
  const stores = options.data?.stores ?? [];
  const advisors = (options.data?.advisors ?? []).filter((a) => !filters.storeId || a.storeId === filters.storeId);
  const select = (key: keyof Filters, label: string, items: { value: string; label: string }[]) => (
    <Select
      allowClear
      placeholder={label}
      aria-label={label}
      data-testid={`filter-${key}`}
      style={{ minWidth: 130 }}
      value={filters[key]}
      onChange={(v: string | undefined) => setFilter(key, v)}
      options={items}
      popupMatchSelectWidth={false}
    />
  );
  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
      {stores.length > 1 && select('storeId', t('filter.store'), stores.map((s) => ({ value: s.id, label: s.name })))}
      {advisors.length > 1 && select('advisorId', t('filter.advisor'), advisors.map((a) => ({ value: a.id, label: a.name })))}
      {!peopleOnly && select('level', t('filter.level'), levels.map((l) => ({ value: l, label: t(`level.${l}` as MessageKey) })))}
      {!peopleOnly && select('valueTier', t('filter.valueTier'), VALUE_TIERS.map((v) => ({ value: v, label: t(`value.${v}` as MessageKey) })))}
      {!peopleOnly && select('lifecycle', t('filter.lifecycle'), LIFECYCLES.map((v) => ({ value: v, label: t(`lifecycle.${v}` as MessageKey) })))}
      {Object.keys(filters).length > 0 && <Button onClick={reset}>{t('filter.reset')}</Button>}
    </Space>
  );
}
