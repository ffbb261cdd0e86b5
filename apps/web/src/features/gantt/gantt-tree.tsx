/**
 * The Gantt's row tree beside the chart. It scrolls with the chart and mounts only a block of rows
 * around its viewport (a virtualizer would scroll the chart itself on mount and cancel frappe's
 * scroll to today).
 */
import { type RefObject, useCallback, useRef, useState } from "react";
import { Link } from "react-router";
import { useTranslator } from "../../lib/i18n/i18n";
import { ganttLayout } from "./gantt-chart";
import type { GanttRow } from "./gantt-data";

/** Tree rows mounted at once (enough for a 2,400 px tall chart), re-chosen every TREE_STEP rows scrolled. */
const TREE_WINDOW = 100;
const TREE_STEP = 20;

/** The tree's list and its first mounted row, moved along by the chart's vertical scroll. */
export const useGanttTreeWindow = () => {
  const treeRef = useRef<HTMLOListElement>(null);
  const [treeFirst, setTreeFirst] = useState(0);
  const handleScrollTop = useCallback((top: number) => {
    if (treeRef.current) treeRef.current.style.transform = `translateY(${-top}px)`;
    const firstVisible = Math.floor(top / ganttLayout.row);
    setTreeFirst(Math.max(0, Math.floor(firstVisible / TREE_STEP) * TREE_STEP - TREE_STEP));
  }, []);
  return { treeRef, treeFirst, handleScrollTop };
};

export const GanttTree = ({
  rows,
  treeRef,
  treeFirst,
  cardHref,
  onToggle,
}: {
  rows: GanttRow[];
  treeRef: RefObject<HTMLOListElement | null>;
  treeFirst: number;
  cardHref: (cardId: string) => string;
  onToggle: (cardId: string) => void;
}) => {
  const { t } = useTranslator();
  const treeRows = rows.slice(treeFirst, treeFirst + TREE_WINDOW);
  return (
    <div className="gantt-tree" style={{ paddingTop: ganttLayout.header }}>
      <ol ref={treeRef} aria-label={t("gantt.tree")} style={{ height: rows.length * ganttLayout.row }}>
        {treeRows.map((row, i) => {
          const index = treeFirst + i;
          return (
            <li
              key={row.id}
              className="gantt-tree-row"
              aria-setsize={rows.length}
              aria-posinset={index + 1}
              style={{
                height: ganttLayout.row,
                paddingInlineStart: 8 + row.depth * 16,
                transform: `translateY(${index * ganttLayout.row}px)`,
              }}
            >
              {row.hasChildren ? (
                <button
                  type="button"
                  className="gantt-toggle"
                  aria-expanded={!row.isCollapsed}
                  aria-label={t(row.isCollapsed ? "gantt.expand" : "gantt.collapse", {
                    card: row.name,
                  })}
                  onClick={() => onToggle(row.id)}
                >
                  {row.isCollapsed ? "▸" : "▾"}
                </button>
              ) : (
                <span className="gantt-toggle-space" />
              )}
              <Link to={cardHref(row.id)} className="gantt-tree-name" dir="auto" title={row.name}>
                {row.name}
              </Link>
            </li>
          );
        })}
      </ol>
    </div>
  );
};
