// Small DOM helpers: the sidebar builds its views from elements, never from HTML strings, so text
// typed by partners can never become markup.

export type Child = Node | string | number | null | undefined | false;
type Props = Record<string, unknown>;

/**
 * An element with its properties and children. `class`, `text`, `on<event>` handlers, boolean
 * properties and `value` are set as properties; anything else as an attribute. Null, undefined and
 * false props and children are skipped, so optional parts can be written inline.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener);
    else if (k === 'checked' || k === 'disabled' || k === 'hidden' || k === 'open' || k === 'selected') (el as unknown as Record<string, unknown>)[k] = !!v;
    else if (k === 'value') (el as unknown as { value: string }).value = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

/** An element of the skeleton in sidebar.html, which is always there. */
export const $ = (id: string) => document.getElementById(id)!;

export function link(url: string, text: string): HTMLAnchorElement {
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text);
}

export function badge(text: string, kind: 'late' | 'ok' | 'muted' | 'warn' | 'info'): HTMLElement {
  return h('span', { class: `badge badge-${kind}` }, text);
}

export function append(parent: HTMLElement, ...children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) parent.append(typeof c === 'number' ? String(c) : c);
}
