// A few lines instead of a framework: build elements with properties and children, always as text (never HTML),
// so nothing a user typed is ever parsed as markup.

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  type?: string;
  name?: string;
  value?: string;
  for?: string;
  href?: string;
  src?: string;
  alt?: string;
  title?: string;
  datetime?: string;
  role?: string;
  placeholder?: string;
  autocomplete?: string;
  inputmode?: string;
  accept?: string;
  minlength?: number;
  maxlength?: number;
  rows?: number;
  required?: boolean;
  disabled?: boolean;
  hidden?: boolean;
  checked?: boolean;
  selected?: boolean;
  tabindex?: number;
  /** aria-* attributes, without the prefix: { live: 'polite' } */
  aria?: Record<string, string | number | boolean>;
  /** data-* attributes, without the prefix */
  data?: Record<string, string | number>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

const PROPERTIES = new Set(['value', 'disabled', 'hidden', 'checked', 'selected', 'required']);

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props) as [keyof Props, unknown][]) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = String(value);
      else if (key === 'text') el.textContent = String(value);
      else if (key === 'for') el.setAttribute('for', String(value));
      else if (key === 'aria') for (const [k, v] of Object.entries(value as object)) el.setAttribute(`aria-${k}`, String(v));
      else if (key === 'data') for (const [k, v] of Object.entries(value as object)) el.dataset[k] = String(v);
      else if (key === 'on') for (const [k, v] of Object.entries(value as object)) el.addEventListener(k, v as EventListener);
      else if (PROPERTIES.has(key)) (el as unknown as Record<string, unknown>)[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** The element with this id, which the page is known to have. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing`);
  return el as T;
}

/** An avatar image, or the first letter of the name on a coloured disc when there is none. */
export function avatar(user: { username: string; thumbUrl?: string | null }, size: 'sm' | 'md' | 'lg' = 'sm', url?: string | null): HTMLElement {
  const src = url ?? user.thumbUrl;
  if (src) return h('img', { class: `avatar avatar-${size}`, src, alt: '' });
  const initial = [...user.username][0]?.toUpperCase() ?? '?';
  let hue = 0;
  for (const ch of user.username) hue = (hue * 31 + ch.codePointAt(0)!) % 360;
  const el = h('span', { class: `avatar avatar-${size} avatar-initial`, aria: { hidden: true } }, initial);
  el.style.setProperty('--hue', String(hue));
  return el;
}
