import { Col, Grid, Row } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import { OrgDetailPanel } from '../components/OrgDetailPanel';
import { OrgTreePanel } from '../components/OrgTreePanel';
import { useOrgTree } from '../useOrgTree';

/** 组织架构: the committee tree on the left, the selected org on the right (stacked on a phone). */
export function OrgsPage() {
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const compact = !screens.lg;
  const selectedId = Number(params.get('org')) || null;
  const includeClosed = params.get('closed') === '1';
  const tree = useOrgTree(includeClosed);

  const update = useCallback(
    (changes: Record<string, string | null>, replace = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null) next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );
  const select = useCallback((id: number) => update({ org: String(id) }), [update]);

  // On a phone the details sit below the tree: bring them into view when a node is picked.
  const detailRef = useRef<HTMLDivElement>(null);
  const scrollPending = useRef(false);
  const selectFromTree = useCallback(
    (id: number) => {
      scrollPending.current = compact;
      select(id);
    },
    [compact, select],
  );
  useEffect(() => {
    if (selectedId === null || !scrollPending.current) return;
    scrollPending.current = false;
    detailRef.current?.scrollIntoView({ block: 'start' });
  }, [selectedId]);

  // With nothing chosen yet, show the top of the tree.
  const firstRoot = tree.data?.roots[0]?.id;
  useEffect(() => {
    if (selectedId === null && firstRoot !== undefined) update({ org: String(firstRoot) }, true);
  }, [selectedId, firstRoot, update]);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9} xxl={7}>
        <OrgTreePanel
          selectedId={selectedId}
          onSelect={selectFromTree}
          includeClosed={includeClosed}
          onIncludeClosedChange={(value) => update({ closed: value ? '1' : null }, true)}
          compact={compact}
        />
      </Col>
      <Col xs={24} lg={15} xxl={17} ref={detailRef} style={{ scrollMarginTop: 64 }}>
        <OrgDetailPanel id={selectedId} onSelect={select} />
      </Col>
    </Row>
  );
}
