import {
  EDUCATION_LEVELS,
  MEMBER_STATUSES,
  MEMBER_TYPES,
  type OrgTreeNode,
  ROLE_TAGS,
} from '@ningxin/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../app/i18n/useLabels';
import { Button } from '../../../components/plain/Button';
import { CheckboxGroup } from '../../../components/plain/CheckboxGroup';
import { Input } from '../../../components/plain/Input';
import { Select, type SelectOption } from '../../../components/plain/Select';
import { Sheet } from '../../../components/plain/Sheet';
import { useDivisions } from '../../meta/useDivisions';
import { useOrgTree } from '../../orgs/useOrgTree';
import { EMPTY_PANEL, type MemberFilters, type PanelFilters } from '../memberFilters';

interface MemberFilterSheetProps {
  open: boolean;
  filters: MemberFilters;
  onClose: () => void;
  onApply: (values: PanelFilters) => void;
}

/** The active orgs of the tree as one list, each indented under its parent. */
function orgOptions(nodes: OrgTreeNode[], depth = 0): SelectOption[] {
  return nodes
    .filter((n) => !n.closed)
    .flatMap((n) => [
      { value: String(n.id), label: `${'\u3000'.repeat(depth)}${n.name}` },
      ...orgOptions(n.children, depth + 1),
    ]);
}

const RANGES = [
  { from: 'joinYearFrom', to: 'joinYearTo', min: 1921, max: 2100, label: 'members.joinYear' },
  { from: 'ageFrom', to: 'ageTo', min: 0, max: 130, label: 'members.ageRange' },
] as const;
const RANGE_WORDS = {
  joinYearFrom: 'members.yearFrom',
  joinYearTo: 'members.yearTo',
  ageFrom: 'members.ageFrom',
  ageTo: 'members.ageTo',
} as const;
type RangeKey = keyof typeof RANGE_WORDS;

/** The member list's filters on a phone, in a bottom sheet of plain controls; 查询 puts them in the URL. */
export function MemberFilterSheet({ open, filters, onClose, onApply }: MemberFilterSheetProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const divisions = useDivisions();
  const tree = useOrgTree(false);
  const [draft, setDraft] = useState<PanelFilters>(() => ({ ...EMPTY_PANEL, ...filters }));
  const set = (changes: Partial<PanelFilters>) => setDraft((d) => ({ ...d, ...changes }));
  const any = t('members.anyValue');
  const invalid = (r: (typeof RANGES)[number]) => {
    const from = draft[r.from];
    const to = draft[r.to];
    return from !== undefined && to !== undefined && from > to;
  };
  const number = (key: RangeKey, min: number, max: number) => (
    <Input
      type="number"
      min={min}
      max={max}
      step={1}
      value={draft[key] ?? ''}
      aria-label={t(RANGE_WORDS[key])}
      placeholder={t(RANGE_WORDS[key])}
      onChange={(e) => set({ [key]: e.target.value === '' ? undefined : Number(e.target.value) })}
    />
  );
  const tagOptions = [...new Set([...ROLE_TAGS, ...draft.tags])].map((tag) => ({ value: tag, label: tag }));

  return (
    <Sheet
      open={open}
      title={t('members.filters')}
      closeLabel={t('common.close')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={() => onApply(EMPTY_PANEL)}>{t('common.reset')}</Button>
          <Button variant="primary" htmlType="submit" form="nx-member-filter-sheet">
            {t('common.search')}
          </Button>
        </>
      }
    >
      <form
        id="nx-member-filter-sheet"
        className="nx-member-sheet-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!RANGES.some(invalid)) onApply(draft);
        }}
      >
        <Select
          label={t('memberFields.orgId')}
          placeholder={any}
          options={orgOptions(tree.data?.roots ?? [])}
          value={draft.orgId === undefined ? '' : String(draft.orgId)}
          onChange={(v) => set({ orgId: v === '' ? undefined : Number(v) })}
        />
        <CheckboxGroup
          label={t('memberFields.status')}
          options={MEMBER_STATUSES.map((s) => ({ value: s, label: labels.memberStatus(s) }))}
          value={draft.status}
          onChange={(v) => set({ status: v as PanelFilters['status'] })}
        />
        <Select
          label={t('memberFields.memberType')}
          placeholder={any}
          options={MEMBER_TYPES.map((m) => ({ value: m, label: labels.memberType(m) }))}
          value={draft.memberType ?? ''}
          onChange={(v) => set({ memberType: (v || undefined) as PanelFilters['memberType'] })}
        />
        <CheckboxGroup
          label={t('memberFields.homeCounty')}
          options={divisions.data?.home.divisions.map((d) => ({ value: d.code, label: d.name })) ?? []}
          value={draft.homeCounty}
          onChange={(v) => set({ homeCounty: v })}
        />
        <CheckboxGroup
          label={t('memberFields.hostDistrict')}
          options={divisions.data?.host.divisions.map((d) => ({ value: d.code, label: d.name })) ?? []}
          value={draft.hostDistrict}
          onChange={(v) => set({ hostDistrict: v })}
        />
        <CheckboxGroup
          label={t('memberFields.tags')}
          options={tagOptions}
          value={draft.tags}
          onChange={(v) => set({ tags: v })}
        />
        <CheckboxGroup
          label={t('memberFields.education')}
          options={EDUCATION_LEVELS.map((e) => ({ value: e.code, label: labels.education(e.code) }))}
          value={draft.education}
          onChange={(v) => set({ education: v })}
        />
        {RANGES.map((r) => (
          <fieldset key={r.from} className="nx-field">
            <legend className="nx-field-label">{t(r.label)}</legend>
            <div className="nx-member-sheet-range">
              {number(r.from, r.min, r.max)}
              <span aria-hidden>–</span>
              {number(r.to, r.min, r.max)}
            </div>
            {invalid(r) && (
              <div className="nx-field-error" role="alert">
                {t('members.rangeInvalid')}
              </div>
            )}
          </fieldset>
        ))}
      </form>
    </Sheet>
  );
}
