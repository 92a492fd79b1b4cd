import { Tag } from 'antd';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/zh-CN';

const tagColor: Record<string, string> = { green: 'success', blue: 'processing', yellow: 'gold', orange: 'orange', red: 'red' };

export function LevelTag({ level }: { level: string | null | undefined }) {
  const { t } = useI18n();
  if (!level) return <>—</>;
  return (
    <Tag color={tagColor[level]} data-level={level}>
      {t(`level.${level}` as MessageKey)}
    </Tag>
  );
}

export function HealthTag({ tier, score }: { tier: string | null | undefined; score?: number | null }) {
  const { t } = useI18n();
  if (!tier) return <>{score ?? '—'}</>;
  return (
    <Tag color={tagColor[tier]} bordered={false}>
      {score !== undefined && score !== null ? `${score} · ` : ''}
      {t(`health.${tier}` as MessageKey)}
    </Tag>
  );
}

export function CodeLabel({ prefix, code }: { prefix: 'value' | 'lifecycle' | 'action' | 'role'; code: string | null | undefined }) {
  const { t } = useI18n();
  return <>{code ? t(`${prefix}.${code}` as MessageKey) : '—'}</>;
}
