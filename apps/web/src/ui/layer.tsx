/**
 * The one way a popover is drawn (menus, pickers, the card's move menu, the date picker): in a layer
 * above the page (a portal), positioned by Floating UI so that it flips, shifts and shrinks to stay on
 * screen instead of being clipped by a scrolling column or a panel's edge.
 *
 * Escape closes the innermost layer only: the layer handles it and marks it handled (preventDefault),
 * which the card panel's and the sidebar drawer's document listeners respect. Nested layers share a
 * Floating UI tree, so a click inside a child layer is not a click outside its parent.
 */
import {
  autoUpdate,
  FloatingFocusManager,
  FloatingNode,
  FloatingPortal,
  FloatingTree,
  flip,
  offset,
  type Placement,
  shift,
  size,
  useClick,
  useDismiss,
  useFloating,
  useFloatingNodeId,
  useFloatingParentNodeId,
  useInteractions,
  useListNavigation,
  useRole,
} from "@floating-ui/react";
import type { CSSProperties, KeyboardEvent, ReactNode } from "react";

/** Keeps a popover this far from the viewport's edges. */
const edge = 8;

interface LayerOptions {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  role: "menu" | "dialog" | "listbox";
  placement?: Placement;
  /** Arrow-key movement between a menu's items (roving focus). */
  list?: {
    listRef: React.MutableRefObject<Array<HTMLElement | null>>;
    activeIndex: number | null;
    onNavigate: (index: number | null) => void;
    disabledIndices: number[];
  };
}

const noList = {
  listRef: { current: [] },
  activeIndex: null,
  onNavigate: () => undefined,
  disabledIndices: [],
};

export const useLayer = ({ isOpen, onOpenChange, role, placement = "bottom-start", list }: LayerOptions) => {
  const nodeId = useFloatingNodeId();
  const floating = useFloating({
    nodeId,
    open: isOpen,
    onOpenChange,
    placement,
    strategy: "fixed",
    whileElementsMounted: autoUpdate,
    middleware: [
      offset(4),
      flip({ padding: edge }),
      shift({ padding: edge }),
      size({
        padding: edge,
        apply({ availableHeight, availableWidth, elements }) {
          // Never taller or wider than the room left; the content scrolls inside instead.
          elements.floating.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
          elements.floating.style.maxWidth = `${Math.floor(availableWidth)}px`;
        },
      }),
    ],
  });
  const interactions = useInteractions([
    useClick(floating.context),
    // Escape is handled on the layer itself (see above), so only the innermost one closes.
    useDismiss(floating.context, { escapeKey: false }),
    useRole(floating.context, { role }),
    useListNavigation(floating.context, { ...(list ?? noList), loop: true, enabled: list !== undefined }),
  ]);
  const handleEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !isOpen) return;
    event.stopPropagation();
    event.preventDefault();
    onOpenChange(false);
  };
  return { nodeId, floating, interactions, handleEscape };
};

export type Layer = ReturnType<typeof useLayer>;

/** Nested layers join their parent's tree; a top-level one starts its own. */
export const LayerTree = ({ children }: { children: ReactNode }) =>
  useFloatingParentNodeId() === null ? <FloatingTree>{children}</FloatingTree> : children;

interface LayerPanelProps {
  layer: Layer;
  className: string;
  label: string;
  /** Which element takes focus when the layer opens: an index among its tabbables (default the first). */
  initialFocus?: number;
  style?: CSSProperties;
  children: ReactNode;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
}

/** The floating part of a layer: portalled, positioned, focus moved in and returned to the trigger. */
export const LayerPanel = ({
  layer,
  className,
  label,
  initialFocus = 0,
  style,
  children,
  onKeyDown,
}: LayerPanelProps) => {
  const { floating, interactions, nodeId, handleEscape } = layer;
  const isOpen = floating.context.open;
  // Inside a modal <dialog> (the top layer) the popover must live in the dialog, or it would be
  // drawn beneath it and be inert.
  const reference = floating.refs.domReference.current;
  const dialog = reference?.closest("dialog") ?? null;
  return (
    <FloatingNode id={nodeId}>
      {isOpen ? (
        <FloatingPortal {...(dialog ? { root: dialog } : {})}>
          <FloatingFocusManager context={floating.context} modal={false} initialFocus={initialFocus}>
            <div
              ref={floating.refs.setFloating}
              className={`layer ${className}`}
              style={{ ...floating.floatingStyles, ...style }}
              {...interactions.getFloatingProps({
                "aria-label": label,
                onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => {
                  onKeyDown?.(event);
                  if (!event.defaultPrevented) handleEscape(event);
                },
                // The layer is a React child of its trigger: keep its presses from starting a card
                // drag or opening the card under it.
                onPointerDown: (event: React.PointerEvent) => event.stopPropagation(),
                onClick: (event: React.MouseEvent) => event.stopPropagation(),
              })}
            >
              {children}
            </div>
          </FloatingFocusManager>
        </FloatingPortal>
      ) : null}
    </FloatingNode>
  );
};
