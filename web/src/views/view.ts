// What every screen gives the router: its element, where to put the focus, and how to let go of its listeners.
export interface View {
  el: HTMLElement;
  focus?(): void;
  destroy(): void;
}
