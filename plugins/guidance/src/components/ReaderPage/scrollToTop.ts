/** Scrolls the nearest scrolling ancestor (Backstage's page, or the window) back to the top. */
export function scrollToTop(from: HTMLElement | null) {
  for (let el = from?.parentElement; el; el = el.parentElement) {
    if (
      el.scrollHeight > el.clientHeight &&
      /(auto|scroll)/.test(getComputedStyle(el).overflowY)
    ) {
      el.scrollTop = 0;
      return;
    }
  }
  window.scrollTo?.(0, 0);
}
