import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

/**
 * One tab stop for a list (roving tabindex): of the items inside the container (`[data-roving]`),
 * only the current one is in the tab order; the arrow keys move the focus between them (Home and
 * End to the first and last), Tab leaves the list. Controls inside an item (`[data-roving-inner]`:
 * a status menu, a text box) are in the tab order only while their item is the current one.
 *
 * The tab indexes are set on the DOM after every render, not through React, so a list of hundreds
 * of cards re-renders nothing when the focus moves. An item's `data-roving-key` keeps it current
 * across re-renders that replace its element; `initialKey` names the item that is the tab stop
 * until the focus has been in the list (a tab list's selected tab).
 */
export function useRovingFocus<T extends HTMLElement>(orientation: 'vertical' | 'horizontal' = 'vertical', initialKey?: string) {
  const ref = useRef<T>(null);
  const currentKey = useRef<string | null>(null);
  const current = useRef<HTMLElement | null>(null);

  const items = useCallback((): HTMLElement[] => {
    const root = ref.current;
    if (!root) return [];
    // items of a nested roving list belong to that list
    return [...root.querySelectorAll<HTMLElement>('[data-roving]')].filter((el) => el.closest('[data-roving-root]') === root);
  }, []);

  const apply = useCallback(() => {
    const all = items();
    if (all.length === 0) return;
    let active =
      all.find((el) => el === current.current) ??
      all.find((el) => currentKey.current !== null && el.dataset.rovingKey === currentKey.current) ??
      all.find((el) => initialKey !== undefined && el.dataset.rovingKey === initialKey) ??
      all[0];
    if (!active.isConnected) active = all[0];
    current.current = active;
    for (const el of all) el.tabIndex = el === active ? 0 : -1;
    const root = ref.current;
    if (!root) return;
    for (const inner of root.querySelectorAll<HTMLElement>('[data-roving-inner]')) {
      const owner = inner.closest<HTMLElement>('[data-roving]');
      if (owner && owner.closest('[data-roving-root]') === root) inner.tabIndex = owner === active ? 0 : -1;
    }
  }, [items, initialKey]);

  useLayoutEffect(() => {
    apply();
  });

  const onFocus = useCallback(
    (e: FocusEvent<T>) => {
      const item = (e.target as HTMLElement).closest<HTMLElement>('[data-roving]');
      if (!item || item.closest('[data-roving-root]') !== ref.current || item === current.current) return;
      current.current = item;
      currentKey.current = item.dataset.rovingKey ?? null;
      apply();
    },
    [apply],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<T>) => {
      const all = items();
      const at = all.indexOf(e.target as HTMLElement);
      if (at < 0) return;
      const [back, forward] = orientation === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
      let next = -1;
      if (e.key === forward) next = Math.min(all.length - 1, at + 1);
      else if (e.key === back) next = Math.max(0, at - 1);
      else if (e.key === 'Home') next = 0;
      else if (e.key === 'End') next = all.length - 1;
      else return;
      e.preventDefault();
      const target = all[next];
      current.current = target;
      currentKey.current = target.dataset.rovingKey ?? null;
      apply();
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
    },
    [items, apply, orientation],
  );

  /** Spread on the container: `<div {...roving.props}>`. */
  return { ref, props: { ref, onFocus, onKeyDown, 'data-roving-root': '' } };
}
